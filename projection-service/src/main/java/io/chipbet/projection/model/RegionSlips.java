package io.chipbet.projection.model;

import java.util.Arrays;

/**
 * The further slip a region's fabs can expect beyond their plan: a mixture of a prior (an exponential
 * with the region's mean) and the slips observed on the region's other fabs, each observation
 * weighing one and the prior {@code priorWeight}. A fab's own past slip is left out of its own
 * distribution: it is already in its plan and must not be counted again.
 */
final class RegionSlips {

    /** Quantiles of the standard exponential, tabulated: a draw costs a lookup, not a logarithm. */
    private static final int TABLE = 4096;
    private static final double[] EXPONENTIAL = new double[TABLE];

    static {
        for (int i = 0; i < TABLE; i++) {
            EXPONENTIAL[i] = -Math.log(1 - (i + 0.5) / TABLE);
        }
    }

    private final double[] observed;
    private final double priorMean;
    private final double priorWeight;

    RegionSlips(double[] observed, double priorMean, double priorWeight) {
        this.observed = observed.clone();
        Arrays.sort(this.observed);
        this.priorMean = priorMean;
        this.priorWeight = priorWeight;
    }

    double priorMean() {
        return priorMean;
    }

    int observations() {
        return observed.length;
    }

    /** Where a fab's own observed slip sits among the region's, or -1. */
    int indexOf(Integer ownSlip) {
        if (ownSlip == null) {
            return -1;
        }
        int at = Arrays.binarySearch(observed, ownSlip);
        return at < 0 ? -1 : at;
    }

    /** The standard exponential's quantile at table index {@code index} (clamped). */
    static double exponential(int index) {
        return EXPONENTIAL[Math.min(TABLE - 1, index)];
    }

    /** Fab {@code fab}'s draw into {@code draws}, its divisions done once: see {@link FabBook.SlipDraws#slip}. */
    void draw(int ownIndex, FabBook.SlipDraws draws, int fab) {
        int others = observed.length - (ownIndex >= 0 ? 1 : 0);
        double prior = others == 0 ? 1.0000001 : priorWeight / (priorWeight + others);
        draws.priorShare[fab] = prior;
        draws.priorScale[fab] = TABLE / Math.min(1, prior);
        draws.priorMean[fab] = priorMean;
        draws.peerScale[fab] = others == 0 ? 0 : others / (1 - prior);
        draws.lastPeer[fab] = others - 1;
        draws.ownIndex[fab] = ownIndex < 0 ? Integer.MAX_VALUE : ownIndex;
        draws.peers[fab] = observed;
    }

    /** The mixture's quantile at u, leaving out the observation at ownIndex: for the median-input path and the tornado. */
    double quantile(double u, int ownIndex) {
        int others = observed.length - (ownIndex >= 0 ? 1 : 0);
        double prior = priorWeight / (priorWeight + others);
        if (others == 0) {
            return -priorMean * Math.log(1 - u);
        }
        double low = 0;
        double high = Math.max(observed[observed.length - 1], -priorMean * Math.log(1 - u)) + 1;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            double cdf = prior * (1 - Math.exp(-mid / priorMean)) + (1 - prior) * empiricalCdf(mid, ownIndex, others);
            if (cdf < u) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }

    private double empiricalCdf(double x, int ownIndex, int others) {
        int low = 0;
        int high = observed.length; // the first index whose value is above x
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (observed[mid] <= x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int atOrBelow = low - (ownIndex >= 0 && observed[ownIndex] <= x ? 1 : 0);
        return atOrBelow / (double) others;
    }
}
