package io.chipbet.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "chipbet.outbox")
public interface OutboxConfig {

    /** Whether this instance publishes the outbox. Several instances may; rows are locked with SKIP LOCKED. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Most rows published per database transaction. */
    @WithDefault("200")
    int batchSize();

    /** Safety net for missed notifications and for retries while the broker is down. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The CloudEvents {@code source} of this service's events. */
    String source();
}
