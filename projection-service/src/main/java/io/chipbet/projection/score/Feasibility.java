package io.chipbet.projection.score;

import io.chipbet.projection.model.Assumption;
import io.chipbet.projection.model.Inputs;
import io.chipbet.projection.model.Outlook;
import io.chipbet.projection.model.Quantiles;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The answer as served and published, immutable: can the money, fabs and people on record deliver the
 * plan by the horizon, and how likely is it? Every supply is in one unit, leading-edge wafers a month
 * online at the horizon. {@code version} counts the answer's changes (the aggregate version of
 * FeasibilityChanged events).
 */
@Schema(name = "Feasibility", description = "Whether the money, fabs and people on record can deliver the plan by its horizon, "
        + "and how likely it is; every supply in leading-edge wafers a month at the horizon")
public record Feasibility(
        String planId,
        @Schema(description = "The question answered, in words") String question,
        @Schema(description = "The answer in one sentence a journalist can quote") String headline,
        @Schema(description = "Probability that the deliverable capacity reaches the plan by the horizon, 0-1; null until the first simulation")
        Double probability,
        @Schema(description = "Deliverable capacity: P10/P50/P90 from the Monte Carlo") Deliverable deliverable,
        @Schema(description = "The supply that binds most often, and how often") Binding binding,
        @Schema(description = "Share of samples in which each supply binds (ties count for each); none = the plan is met")
        Map<String, Double> bindingFrequency,
        @Schema(description = "Each supply as the capacity it can deliver by the horizon") List<Constraint> constraints,
        @Schema(description = "Probability of reaching a share of the plan") List<Outlook.ShareChance> chanceOfShare,
        @Schema(description = "Tornado: the deliverable capacity (median-input path) with one input at its P10 and its P90, largest swing first")
        List<Swing> sensitivity,
        @Schema(description = "What the deliverable capacity means in compute, power and cost") Compute compute,
        @Schema(description = "Every uncertain input at its median: the figures each event's attribution uses, updated at once")
        Central centralPath,
        Plan plan,
        Simulation simulation,
        Inputs.Counts inputs,
        @Schema(description = "The date the supplies are counted from (new fabs can start from it)") LocalDate evaluatedOn,
        @Schema(description = "When the newest fact behind the answer was committed; null before the first", nullable = true) Instant asOf,
        long version,
        @Schema(description = "What moved the answer most in this change; null before the first", nullable = true,
                examples = "-12,000 wpm (-0.24 fabs' worth) deliverable: Samsung Taylor delayed (UNDER_CONSTRUCTION, production 2027-06-30)")
        String cause,
        @Schema(description = "How many events moved the answer in this change") int changes,
        List<Assumption> assumptions) {

    public record Deliverable(Quantiles wpm, Quantiles fabsWorth, Quantiles shareOfPlan, Quantiles cumulativeWafers) {
    }

    public record Binding(String constraint, double frequency) {
    }

    public record Constraint(String name, String label, Quantiles wpm, Quantiles fabsWorth, double centralWpm, String reason) {
    }

    public record Swing(String input, double deliverableAtP10, double deliverableAtP90, double swingWpm) {
    }

    public record Compute(Quantiles acceleratorsPerYear, Quantiles acceleratorStock, Quantiles largestRunFlop,
                          Quantiles powerGigawatts, String unitNote, List<CostLine> cost) {
    }

    /** What a frontier run that cost X in a year costs at the horizon, by one rule. */
    public record CostLine(String rule, double costUsd, String source) {
    }

    public record Central(double deliverableWpm, double fabsWorth, double shareOfPlan, double trackedWpm, double buildableWpm,
                          double fabsWpm, double capitalWpm, double talentWpm, List<String> binding) {
    }

    public record Plan(String key, String label, double fabs, double nameplateWpm, double targetWpm, double costPerFabUsd,
                       LocalDate horizon, String basis) {
    }

    /** The Monte Carlo behind the figures. Nothing here differs between replicas: every replica serves the same bytes. */
    @Schema(name = "SimulationRun")
    public record Simulation(int samples, long seed,
                             @Schema(description = "false while the probability is still the previous record's") boolean current) {
    }
}
