package io.chipbet.projection.model;

import java.util.List;
import java.util.Map;

/**
 * What the Monte Carlo gives for one record: the probability that the plan is met by the horizon,
 * the deliverable capacity's and each supply's distribution (wafers a month at the horizon), how
 * often each supply binds, and what the deliverable capacity means in compute.
 */
public record Outlook(
        int samples,
        long seed,
        double probability,
        Quantiles deliverableWpm,
        Quantiles deliverableCumulativeWafers,
        Quantiles trackedWpm,
        Quantiles buildableWpm,
        Quantiles fabsWpm,
        Quantiles capitalWpm,
        Quantiles talentWpm,
        /** Share of samples in which each supply binds (alone or tied); "none" when the plan is met. */
        Map<String, Double> bindingFrequency,
        List<ShareChance> chanceOfShare,
        ComputeOutlook compute,
        long millis) {

    /** The probability that the deliverable capacity reaches a share of the plan. */
    public record ShareChance(double share, double probability) {
    }

    public record ComputeOutlook(Quantiles acceleratorsPerYear, Quantiles acceleratorStock, Quantiles largestRunFlop,
                                 Quantiles powerGigawatts) {
    }
}
