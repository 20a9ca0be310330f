package io.chipbet.projection.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A scenario as the API shows it: its spec, revision (the ETag) and where it comes from. */
@Schema(name = "Scenario")
public record ScenarioView(UUID id, String name, @Schema(nullable = true) String description,
                           @Schema(nullable = true) ScenarioOverrides overrides, List<ScenarioChange> changes,
                           long revision, Source source, Instant createdAt, Instant updatedAt) {

    /** Where a scenario comes from: the API, or a FeasibilityScenario resource (read-only here: PUT and DELETE answer 409). */
    @Schema(name = "ScenarioSource")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(@Schema(description = "api, or kubernetes (read-only here)", enumeration = {"api", "kubernetes"}) String kind,
                         @Schema(description = "The FeasibilityScenario's namespace (kubernetes only)") String namespace,
                         @Schema(description = "The FeasibilityScenario's name (kubernetes only)") String name) {
    }

    static ScenarioView of(Scenario scenario, ScenarioSpec spec) {
        return new ScenarioView(scenario.id, spec.name(), spec.description(), spec.overrides(), spec.changesOrNone(), scenario.revision,
                new Source(scenario.source, scenario.sourceNamespace, scenario.sourceName), scenario.createdAt, scenario.updatedAt);
    }
}
