package io.chipbet.projection.model;

/**
 * Where an evaluation takes its uniform draws: from a seeded generator (a Monte Carlo sample), or
 * fixed per input (0.5 everywhere is the median-input path; one input at 0.1 or 0.9 is a tornado bar).
 * SplitMix64: fast, seeded, and the same sequence on every JVM.
 */
final class Draws {

    /** The inputs drawn once per sample; fabs draw {@link #SLIP}, {@link #RESTART} and {@link #NO_CUSTOMER_PAUSE} each, as they need. */
    static final int RAMP = 0;
    static final int SLIP = 1;
    static final int RESTART = 2;
    static final int BUILD_MONTHS = 3;
    static final int SURGE = 4;
    static final int COST = 5;
    static final int STAFF = 6;
    static final int DIES = 7;
    static final int ACTOR_SHARE = 8;
    static final int RUN_MONTHS = 9;
    static final int PACKAGING_GROWTH = 10;
    static final int NO_CUSTOMER_PAUSE = 11;
    /** Then one per commitment status (conversion) and one per purpose (fab share). */
    static final int CONVERSION = 12;
    static final int FAB_SHARE = CONVERSION + io.chipbet.platform.contract.funding.CommitmentStatus.values().length;
    static final int COUNT = FAB_SHARE + io.chipbet.platform.contract.funding.Purpose.values().length;

    private final double[] fixed;
    private long state;

    private Draws(double[] fixed, long seed) {
        this.fixed = fixed;
        this.state = seed;
    }

    static Draws random(long seed) {
        return new Draws(null, seed);
    }

    static Draws median() {
        return at(-1, 0.5);
    }

    /** Every input at its median but one, at {@code u}. */
    static Draws at(int input, double u) {
        double[] fixed = new double[COUNT];
        java.util.Arrays.fill(fixed, 0.5);
        if (input >= 0) {
            fixed[input] = u;
        }
        return new Draws(fixed, 0);
    }

    boolean isRandom() {
        return fixed == null;
    }

    double u(int input) {
        return fixed == null ? next() : fixed[input];
    }

    private double next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
