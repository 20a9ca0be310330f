package io.chipbet.projection.scenario;

import io.chipbet.projection.model.Quantiles;
import io.chipbet.projection.score.Feasibility;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A scenario's answer: the same shape as the baseline's, and how far it is from the baseline for every headline figure. */
@Schema(name = "ScenarioFeasibility")
public record ScenarioAnswer(UUID id, String name, long revision, String source, long resultVersion, Feasibility feasibility,
                             Difference difference, long baselineVersion, long inputsVersion, Instant evaluatedAt) {

    /** Scenario minus baseline. */
    public record Difference(
            @Schema(description = "Probability of the plan, in percentage points") Double probabilityPoints,
            Quantiles deliverableWpm,
            Quantiles deliverableFabsWorth,
            @Schema(description = "Each supply's P50, wafers a month") Map<String, Double> constraintP50Wpm,
            Double acceleratorsPerYearP50,
            Double largestRunFlopP50,
            @Schema(examples = "-2.1 pp probability, -0.8 fabs' worth P50 against the baseline") String summary) {
    }

    ScenarioAnswer withResultVersion(long version) {
        return new ScenarioAnswer(id, name, revision, source, version, feasibility, difference, baselineVersion, inputsVersion, evaluatedAt);
    }

    static Difference difference(Feasibility scenario, Feasibility baseline) {
        if (scenario.probability() == null || baseline.probability() == null || scenario.deliverable() == null || baseline.deliverable() == null) {
            return null;
        }
        double points = 100 * (scenario.probability() - baseline.probability());
        Quantiles wpm = minus(scenario.deliverable().wpm(), baseline.deliverable().wpm());
        Quantiles fabs = minus(scenario.deliverable().fabsWorth(), baseline.deliverable().fabsWorth());
        Map<String, Double> constraints = new java.util.LinkedHashMap<>();
        for (int i = 0; i < scenario.constraints().size(); i++) {
            Feasibility.Constraint mine = scenario.constraints().get(i);
            Feasibility.Constraint theirs = baseline.constraints().get(i);
            if (mine.wpm() != null && theirs.wpm() != null) {
                constraints.put(mine.name(), mine.wpm().p50() - theirs.wpm().p50());
            }
        }
        Double accelerators = scenario.compute() == null || baseline.compute() == null ? null
                : scenario.compute().acceleratorsPerYear().p50() - baseline.compute().acceleratorsPerYear().p50();
        Double run = scenario.compute() == null || baseline.compute() == null ? null
                : scenario.compute().largestRunFlop().p50() - baseline.compute().largestRunFlop().p50();
        String summary = String.format(java.util.Locale.ROOT, "%+.1f pp probability, %+.1f fabs' worth P50 against the baseline", points,
                fabs.p50());
        return new Difference(points, wpm, fabs, constraints, accelerators, run, summary);
    }

    private static Quantiles minus(Quantiles a, Quantiles b) {
        return new Quantiles(a.p10() - b.p10(), a.p50() - b.p50(), a.p90() - b.p90(), a.mean() - b.mean());
    }
}
