package io.chipbet.platform.calculation;

/**
 * Quantiles of observed values, the one calculation that fab-service (its slip statistics) and
 * projection-service (its simulated distributions) share. {@link #interpolated} takes values sorted
 * ascending; {@link #interpolatedBySelection} gives the same figures from unsorted values without sorting them.
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

    /**
     * {@link #interpolated} at each of {@code ascending}, equal to it bit for bit, found by selection (Hoare's
     * quickselect) instead of a sort: linear time, which is what makes a 10,000-sample Monte Carlo's
     * quantiles cheap. Reorders {@code values}, partially: do not read them as sorted afterwards.
     */
    public static double[] interpolatedBySelection(double[] values, double... ascending) {
        double[] quantiles = new double[ascending.length];
        int settled = 0; // values[settled..] hold the order statistics not yet placed, each ≥ those before
        for (int i = 0; i < ascending.length; i++) {
            double q = ascending[i];
            requireSome(values.length, q);
            if (i > 0 && q < ascending[i - 1]) {
                throw new IllegalArgumentException("Quantiles are asked in ascending order: " + q + " after " + ascending[i - 1]);
            }
            double position = q * (values.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(values.length - 1, below + 1);
            select(values, below, settled, values.length - 1);
            select(values, above, below, values.length - 1);
            settled = below;
            quantiles[i] = values[below] + (values[above] - values[below]) * (position - below);
        }
        return quantiles;
    }

    /** Puts the {@code k}-th smallest of {@code values[low..high]} at {@code k}, smaller before and larger after. */
    private static void select(double[] values, int k, int low, int high) {
        while (low < high) {
            double pivot = medianOfThree(values[low], values[(low + high) >>> 1], values[high]);
            int i = low;
            int j = high;
            while (i <= j) { // Hoare's partition: stops on equal values, so many equal samples still split evenly
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swapped = values[i];
                    values[i++] = values[j];
                    values[j--] = swapped;
                }
            }
            if (k <= j) {
                high = j;
            } else if (k >= i) {
                low = i;
            } else {
                return; // values[j+1..i-1] all equal the pivot
            }
        }
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
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
