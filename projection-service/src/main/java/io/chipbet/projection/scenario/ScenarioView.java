package io.chipbet.projection.scenario;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A scenario as the API shows it: its spec, revision (the ETag) and where it comes from. */
@Schema(name = "Scenario")
public record ScenarioView(UUID id, String name, String description, ScenarioOverrides overrides, List<ScenarioChange> changes,
                           long revision, @Schema(description = "api, or kubernetes (read-only here)") String source,
                           Instant createdAt, Instant updatedAt) {

    static ScenarioView of(Scenario scenario, ScenarioSpec spec) {
        return new ScenarioView(scenario.id, spec.name(), spec.description(), spec.overrides(), spec.changesOrNone(), scenario.revision,
                scenario.source, scenario.createdAt, scenario.updatedAt);
    }
}
