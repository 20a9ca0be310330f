package io.chipbet.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "chipbet.idempotency")
public interface IdempotencyConfig {

    /** How long a key answers its retries. After that the same key is a new request. */
    @WithDefault("7d")
    Duration retention();

    /** How often keys past the retention are looked for. */
    @WithDefault("10m")
    Duration retentionCheckInterval();
}
