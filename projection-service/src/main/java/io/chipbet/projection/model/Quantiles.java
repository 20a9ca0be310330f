package io.chipbet.projection.model;

import io.chipbet.platform.calculation.EmpiricalQuantiles;

import java.util.Arrays;

/** P10, P50 and P90 of a sampled figure, and its mean. */
public record Quantiles(double p10, double p50, double p90, double mean) {

    /** Sorts {@code values} in place. */
    static Quantiles of(double[] values) {
        Arrays.sort(values);
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return new Quantiles(at(values, 0.1), at(values, 0.5), at(values, 0.9), sum / values.length);
    }

    static Quantiles exactly(double value) {
        return new Quantiles(value, value, value, value);
    }

    public Quantiles scaled(double factor) {
        return new Quantiles(p10 * factor, p50 * factor, p90 * factor, mean * factor);
    }

    /** The empirical quantile, interpolated between order statistics: the calculation fab-service's slip statistics share. */
    private static double at(double[] sorted, double q) {
        return EmpiricalQuantiles.interpolated(sorted, q);
    }
}
