package io.chipbet.projection.scenario;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the live scenarios follow the record (docs/scenarios.md, "Cost"). */
@ConfigMapping(prefix = "chipbet.projection.scenarios")
public interface ScenarioConfig {

    /**
     * A pass over the scenarios waits until no new record was simulated for this long: a burst of events (a
     * rebuild, a bulk load) is followed by one pass on its last record, not by one per record, so the scenarios
     * take no CPU from the ingest while it runs.
     */
    @WithDefault("500ms")
    Duration quietPeriod();

    /** Under a stream that never pauses, a pass runs anyway once the last one is this old. */
    @WithDefault("10s")
    Duration maxStaleness();
}
