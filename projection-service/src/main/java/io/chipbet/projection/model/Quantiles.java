package io.chipbet.projection.model;

import io.chipbet.platform.calculation.EmpiricalQuantiles;

/** P10, P50 and P90 of a sampled figure, and its mean. */
public record Quantiles(double p10, double p50, double p90, double mean) {

    /**
     * Reorders {@code values} (by selection, not a full sort). The quantiles are the empirical ones,
     * interpolated between order statistics: the calculation fab-service's slip statistics share.
     */
    static Quantiles of(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double[] deciles = EmpiricalQuantiles.interpolatedBySelection(values, 0.1, 0.5, 0.9);
        return new Quantiles(deciles[0], deciles[1], deciles[2], sum / values.length);
    }

    static Quantiles exactly(double value) {
        return new Quantiles(value, value, value, value);
    }

    public Quantiles scaled(double factor) {
        return new Quantiles(p10 * factor, p50 * factor, p90 * factor, mean * factor);
    }
}
