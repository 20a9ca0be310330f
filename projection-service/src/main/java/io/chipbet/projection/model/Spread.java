package io.chipbet.projection.model;

/**
 * An uncertain input given as its P10, P50 and P90. It is sampled from the piecewise-linear quantile
 * function through (0, Q0), (0.1, P10), (0.5, P50), (0.9, P90) and (1, Q1), whose tails continue the
 * neighbouring segment's slope for the last tenth: Q0 = P10 - (P50 - P10) / 4, Q1 = P90 + (P90 - P50) / 4,
 * Q0 never below a floor and Q1 never above a ceiling. Simple to state, exact at the three quantiles an analyst gives, and
 * its mean is the area under it (a sum of trapezoids).
 */
public final class Spread {

    private final double q0;
    private final double p10;
    private final double p50;
    private final double p90;
    private final double q1;

    public Spread(double p10, double p50, double p90, double floor) {
        this(p10, p50, p90, floor, Double.POSITIVE_INFINITY);
    }

    /** With a ceiling as well: Q1 never above it (a share never above 1). */
    public Spread(double p10, double p50, double p90, double floor, double ceiling) {
        if (!(p10 <= p50 && p50 <= p90)) {
            throw new IllegalArgumentException("P10 <= P50 <= P90 must hold: " + p10 + ", " + p50 + ", " + p90);
        }
        this.q0 = Math.max(floor, p10 - (p50 - p10) / 4);
        this.p10 = p10;
        this.p50 = p50;
        this.p90 = p90;
        this.q1 = Math.min(ceiling, p90 + (p90 - p50) / 4);
    }

    public static Spread of(ModelConfig.Uncertain uncertain) {
        return new Spread(uncertain.p10(), uncertain.p50(), uncertain.p90(), 0);
    }

    /** A number known exactly. */
    public static Spread fixed(double value) {
        return new Spread(value, value, value, value);
    }

    public double quantile(double u) {
        if (u < 0.1) {
            return q0 + (p10 - q0) * (u / 0.1);
        }
        if (u < 0.5) {
            return p10 + (p50 - p10) * ((u - 0.1) / 0.4);
        }
        if (u < 0.9) {
            return p50 + (p90 - p50) * ((u - 0.5) / 0.4);
        }
        return p90 + (q1 - p90) * ((u - 0.9) / 0.1);
    }

    public double mean() {
        return 0.1 * (q0 + p10) / 2 + 0.4 * (p10 + p50) / 2 + 0.4 * (p50 + p90) / 2 + 0.1 * (p90 + q1) / 2;
    }

    public double p10() {
        return p10;
    }

    public double p50() {
        return p50;
    }

    public double p90() {
        return p90;
    }
}
