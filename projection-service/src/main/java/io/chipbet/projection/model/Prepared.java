package io.chipbet.projection.model;

import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;

/**
 * One evaluation's whole input, in primitives: the record's fabs, capital and talent, and every
 * assumption, resolved for one plan and one as-of date. Immutable once built, so the simulation can
 * run on another thread while the ingest path moves on.
 */
public record Prepared(
        FabBook.Fabs fabs,
        double nowMonth,
        double horizonMonth,
        int horizonYear,
        double targetWpm,
        double nameplateWpm,
        double costPerWpmUsd,
        ModelConfig.Basis basis,
        double industryAdditionsPerMonth,
        double pausedRestartProbability,
        double pausedRestartDelayMonths,
        double noCustomerPauseProbability,
        Spread ramp,
        Spread buildMonths,
        Spread surge,
        Spread costMultiple,
        Spread staffPerWpm,
        Spread[] conversion,
        Spread[] fabShare,
        /** Untied, in-scope money already paid, by purpose. */
        double[] disbursed,
        /** Untied, in-scope money not yet paid, by status, then purpose. */
        double[][] undisbursed,
        /** INCREMENT: workers the talent on record has beyond the industry's own demand at the horizon; null when no demand is on record. */
        Double talentSurplus,
        /** ABSOLUTE: new workers the talent on record adds by the horizon. */
        double talentNewWorkers,
        /** Whether any talent is on record at all, and the regions it covers (fab regions, by index). */
        boolean talentOnRecord,
        boolean[] talentRegion,
        ComputeParameters compute) {

    static final int STATUSES = CommitmentStatus.values().length;
    static final int PURPOSES = Purpose.values().length;

    /** The compute chain's parameters (Epoch AI's, from the reference figures). */
    public record ComputeParameters(Spread goodDiesPerWafer, double flopPerSecond, double utilization, Spread runMonths,
                             Spread actorShare, double wattsPerAccelerator, double packagingWpm, int packagingYear,
                             double packagingGrowthSourced, int packagingGrowthSourcedUntil, Spread packagingGrowthAfter) {
    }
}
