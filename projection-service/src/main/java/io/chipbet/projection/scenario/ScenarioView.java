package io.chipbet.projection.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A scenario as the API shows it: its spec, revision (the ETag) and where it comes from. A stored spec that this
 * version cannot read (a newer version wrote it, during a rollout or after a rollback) is still listed, by its name,
 * revision and source, with why its spec is not shown: one such row does not hide the others.
 */
@Schema(name = "Scenario")
public record ScenarioView(UUID id, String name, @Schema(nullable = true) String description,
                           @Schema(nullable = true) ScenarioOverrides overrides,
                           @Schema(nullable = true, description = "null only when its spec cannot be read here (see unreadableBecause)") List<ScenarioChange> changes,
                           long revision, Source source, Instant createdAt, Instant updatedAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL)
                           @Schema(description = "Only on a scenario this replica does not evaluate: why (a newer version "
                                   + "wrote its spec, or its overrides no longer fit the configuration, e.g. a plan since removed). "
                                   + "Its /feasibility, /stream, /requirements and a /compare naming it answer 409 unreadable-scenario.")
                           String unreadableBecause) {

    /** Where a scenario comes from: the API, or a FeasibilityScenario resource (read-only here: PUT and DELETE answer 409). */
    @Schema(name = "ScenarioSource")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(@Schema(description = "api, or kubernetes (read-only here)", enumeration = {"api", "kubernetes"}) String kind,
                         @Schema(description = "The FeasibilityScenario's namespace (kubernetes only)") String namespace,
                         @Schema(description = "The FeasibilityScenario's name (kubernetes only)") String name) {
    }

    static ScenarioView of(Scenario scenario, ScenarioSpec spec) {
        return of(scenario, spec, null);
    }

    /** Its spec, read; {@code notEvaluatedBecause} says why it is not evaluated here, or is null when it is. */
    static ScenarioView of(Scenario scenario, ScenarioSpec spec, String notEvaluatedBecause) {
        return new ScenarioView(scenario.id, spec.name(), spec.description(), spec.overrides(), spec.changesOrNone(), scenario.revision,
                sourceOf(scenario), scenario.createdAt, scenario.updatedAt, notEvaluatedBecause);
    }

    static ScenarioView unreadable(Scenario scenario, String why) {
        return new ScenarioView(scenario.id, scenario.name, null, null, null, scenario.revision, sourceOf(scenario), scenario.createdAt,
                scenario.updatedAt, why);
    }

    private static Source sourceOf(Scenario scenario) {
        return new Source(scenario.source, scenario.sourceNamespace, scenario.sourceName);
    }
}
