package io.chipbet.projection.leadership;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Which projection replica writes (docs/architecture.md, "Scaling"). */
@ConfigMapping(prefix = "chipbet.projection.leadership")
public interface LeadershipConfig {

    /** How often a follower tries for leadership and follows the persisted answer, and a leader checks it still leads. */
    @WithDefault("1s")
    Duration interval();

    /** This replica's name, as the leadership table shows it (the pod name in Kubernetes). */
    @WithDefault("${HOSTNAME:projection-service}")
    String instance();
}
