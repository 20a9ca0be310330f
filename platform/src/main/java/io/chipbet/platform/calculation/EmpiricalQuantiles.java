package io.chipbet.platform.calculation;

/**
 * Quantiles of observed values, the one calculation that fab-service (its slip statistics) and
 * projection-service (its simulated distributions) share. Both take values sorted ascending.
 */
public final class EmpiricalQuantiles {

    private EmpiricalQuantiles() {
    }

    /**
     * Interpolated between order statistics (the "linear" definition, R's type 7): position
     * {@code q × (n − 1)}. At {@code q = 0.5} it is the median: the middle value, or the mean of the
     * two middle values for an even count.
     */
    public static double interpolated(double[] sorted, double q) {
        requireSome(sorted.length, q);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    /** The median: {@link #interpolated} at one half. */
    public static double median(double[] sorted) {
        return interpolated(sorted, 0.5);
    }

    /** Nearest rank: the {@code ceil(q × n)}-th smallest value, always one of the values. */
    public static double nearestRank(double[] sorted, double q) {
        requireSome(sorted.length, q);
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static void requireSome(int n, double q) {
        if (n == 0) {
            throw new IllegalArgumentException("No values: a quantile needs at least one");
        }
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("A quantile is in [0, 1], not " + q);
        }
    }
}
