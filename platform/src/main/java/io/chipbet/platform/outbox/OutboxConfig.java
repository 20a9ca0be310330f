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

    /** How long published rows are kept, for inspection, before they are deleted. Unpublished rows are never deleted. */
    @WithDefault("7d")
    Duration retention();

    /** How often published rows past the retention are looked for. */
    @WithDefault("10m")
    Duration retentionCheckInterval();

    /** The CloudEvents {@code source} of this service's events. */
    String source();
}
