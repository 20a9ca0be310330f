package io.chipbet.projection.model;

/**
 * The model's one formula, evaluated once per sample: every supply as the leading-edge capacity it
 * can deliver by the horizon, in wafers a month, and the deliverable capacity as the smallest of them.
 * The Monte Carlo, the median-input path and the tornado all call it; only their draws differ.
 *
 * <pre>
 * fabs    = tracked + buildable        tracked: the fabs on record, from their (slipped) start, ramped
 *                                      buildable: new fabs started from now at the builders' rate
 * capital = tracked + money / (cost per wafer a month)      money: untied, in scope, converted by status
 * talent  = tracked + spare workers / (staff per wafer a month)
 * deliverable = tracked + min(buildable, money capacity, talent capacity)
 * </pre>
 *
 * The tracked fabs count in every supply: they are built, paid for and staffed as their operators
 * plan; what the supplies decide is how much can come on top of them.
 */
final class Evaluator {

    static final int FABS = 1;
    static final int CAPITAL = 2;
    static final int TALENT = 4;

    private Evaluator() {
    }

    /** What one sample gave; reused across samples to allocate nothing. */
    static final class Result {
        double tracked;
        double trackedCumulative;
        double trackedLaterAll;
        double trackedLaterInTalentRegions;
        double buildable;
        double buildableCumulative;
        double capitalNew;
        double talentNew;
        double deliverable;
        double deliverableCumulative;
        int binding;
        double acceleratorsPerYear;
        double acceleratorStock;
        double largestRunFlop;
        double powerWatts;
        double rampMonths;
        double buildMonths;
        double costPerWpm;
        double staffPerWpm;
        /** Scratch space: money converted by purpose. */
        final double[] converted = new double[Prepared.PURPOSES];

        double fabsConstraint() {
            return tracked + buildable;
        }

        double capitalConstraint() {
            return tracked + capitalNew;
        }

        double talentConstraint() {
            return tracked + talentNew;
        }
    }

    static void evaluate(Prepared p, Draws d, Result out) {
        double ramp = p.ramp().quantile(d.u(Draws.RAMP));
        tracked(p, d, ramp, out);
        out.rampMonths = ramp;

        // New fabs: decided now, producing after the build time, ramping like the others.
        double buildMonths = p.buildMonths().quantile(d.u(Draws.BUILD_MONTHS));
        double available = p.horizonMonth() - p.nowMonth() - buildMonths;
        double surge = p.surge().quantile(d.u(Draws.SURGE));
        double perMonthOfStarts = p.industryAdditionsPerMonth() * (p.basis() == ModelConfig.Basis.INCREMENT ? surge : 1 + surge);
        double buildable = perMonthOfStarts * capacityAfter(available, ramp);
        double buildableCumulative = perMonthOfStarts * wafersAfter(available, ramp);
        if (p.basis() == ModelConfig.Basis.ABSOLUTE && buildable > 0) {
            // The tracked fabs still to come use the same builders.
            double left = Math.max(0, buildable - out.trackedLaterAll);
            buildableCumulative *= left / buildable;
            buildable = left;
        }
        out.buildable = buildable;
        out.buildableCumulative = buildableCumulative;
        out.buildMonths = buildMonths;

        // Capital: untied money in scope, converted by status, as capacity at the cost of new capacity.
        double costPerWpm = p.costPerWpmUsd() * p.costMultiple().quantile(d.u(Draws.COST));
        double[] converted = out.converted;
        System.arraycopy(p.disbursed(), 0, converted, 0, converted.length);
        for (int status = 0; status < Prepared.STATUSES; status++) {
            double[] outstanding = p.undisbursed()[status];
            if (p.conversion()[status] == null || !any(outstanding)) {
                continue;
            }
            // One draw per status and sample: how well pledges convert is shared by all pledges.
            double conversion = p.conversion()[status].quantile(d.u(Draws.CONVERSION + status));
            for (int purpose = 0; purpose < Prepared.PURPOSES; purpose++) {
                converted[purpose] += outstanding[purpose] * conversion;
            }
        }
        double money = 0;
        for (int purpose = 0; purpose < Prepared.PURPOSES; purpose++) {
            if (p.fabShare()[purpose] != null && converted[purpose] != 0) {
                money += converted[purpose] * p.fabShare()[purpose].quantile(d.u(Draws.FAB_SHARE + purpose));
            }
        }
        out.capitalNew = money / costPerWpm;
        out.costPerWpm = costPerWpm;

        // Talent: workers the industry's own growth does not take, at the staffing of a leading-edge fab.
        double staff = p.staffPerWpm().quantile(d.u(Draws.STAFF));
        double talentNew;
        if (!p.talentOnRecord()) {
            talentNew = 0;
        } else if (p.basis() == ModelConfig.Basis.INCREMENT) {
            talentNew = p.talentSurplus() == null ? 0 : Math.max(0, p.talentSurplus()) / staff;
        } else {
            talentNew = Math.max(0, p.talentNewWorkers() / staff - out.trackedLaterInTalentRegions);
        }
        out.talentNew = talentNew;
        out.staffPerWpm = staff;

        double added = Math.min(buildable, Math.min(out.capitalNew, talentNew));
        out.deliverable = out.tracked + added;
        out.deliverableCumulative = out.trackedCumulative + (buildable > 0 ? buildableCumulative * added / buildable : 0);
        out.binding = 0;
        if (out.deliverable < p.targetWpm() * (1 - 1e-12)) {
            double slack = Math.max(1e-9, 1e-9 * added);
            out.binding = (buildable - added <= slack ? FABS : 0) | (out.capitalNew - added <= slack ? CAPITAL : 0)
                    | (talentNew - added <= slack ? TALENT : 0);
        }
        compute(p.compute(), d, p.horizonYear(), out);
    }

    private static boolean any(double[] values) {
        for (double value : values) {
            if (value != 0) {
                return true;
            }
        }
        return false;
    }

    /** The tracked fabs: each from its start (its plan plus a sampled further slip), ramping to nameplate. */
    private static void tracked(Prepared p, Draws d, double ramp, Result out) {
        FabBook.Fabs fabs = p.fabs();
        double horizon = p.horizonMonth();
        double now = p.nowMonth();
        double capacity = 0;
        double cumulative = 0;
        double later = 0;
        double laterInTalentRegions = 0;
        boolean random = d.isRandom();
        double perRampMonth = ramp <= 0 ? 0 : 1 / ramp;
        boolean[] talentRegion = p.talentRegion();
        // The arrays in locals: the loop below is the Monte Carlo's inner loop (samples × fabs).
        int[] regions = fabs.region();
        byte[] kinds = fabs.kind();
        double[] starts = fabs.start();
        double[] nameplates = fabs.nameplate();
        FabBook.SlipDraws draws = fabs.draws();
        double restartProbability = p.pausedRestartProbability();
        double restartDelay = p.pausedRestartDelayMonths();
        double noCustomerPause = p.noCustomerPauseProbability();
        for (int i = 0, size = fabs.size(); i < size; i++) {
            byte kind = kinds[i];
            if (kind == FabBook.EXCLUDED) {
                continue;
            }
            double start = starts[i];
            if (kind != FabBook.PRODUCING) {
                // A fab with no customer may pause; a paused fab may restart, later, or stay paused past the horizon.
                if (kind == FabBook.PAUSED || kind == FabBook.NO_CUSTOMER && d.u(Draws.NO_CUSTOMER_PAUSE) < noCustomerPause) {
                    if (d.u(Draws.RESTART) >= restartProbability) {
                        continue;
                    }
                    start += restartDelay;
                }
                double u = d.u(Draws.SLIP);
                start += random ? draws.slip(i, u) : fixedSlip(fabs, i, u);
                start = start < now ? now : start; // a fab not yet producing produces from now at the earliest
            }
            double months = horizon - start;
            if (months <= 0) {
                continue;
            }
            // Selects, not branches, where the sampled start decides: a misprediction costs more than both sides.
            double nameplate = nameplates[i];
            double online = nameplate * (months >= ramp ? 1 : months * perRampMonth);
            capacity += online;
            cumulative += nameplate * wafersOfOneFab(months, ramp);
            double onlineLater = start > now ? online : 0;
            later += onlineLater;
            int region = regions[i];
            if (region < talentRegion.length && talentRegion[region]) {
                laterInTalentRegions += onlineLater;
            }
        }
        out.tracked = capacity;
        out.trackedCumulative = cumulative;
        out.trackedLaterAll = later;
        out.trackedLaterInTalentRegions = laterInTalentRegions;
    }

    private static double fixedSlip(FabBook.Fabs fabs, int i, double u) {
        double[] at = fabs.slipAt()[i];
        if (u == 0.5) {
            return at[1];
        }
        if (u == 0.1) {
            return at[0];
        }
        if (u == 0.9) {
            return at[2];
        }
        return fabs.slips()[fabs.region()[i]].quantile(u, fabs.ownIndex()[i]);
    }

    /** Wafers one fab of unit capacity makes in its first {@code months}, ramping linearly over {@code ramp}. */
    static double wafersOfOneFab(double months, double ramp) {
        if (months <= 0) {
            return 0;
        }
        // One select, not two branches (the Monte Carlo's inner loop): months >= ramp always holds when ramp <= 0.
        return months >= ramp ? months - Math.max(0, ramp) / 2 : months * months / (2 * ramp);
    }

    /** Capacity online at the horizon from one wafer-a-month of starts per month over {@code available} months. */
    static double capacityAfter(double available, double ramp) {
        if (available <= 0) {
            return 0;
        }
        if (ramp <= 0) {
            return available;
        }
        return available <= ramp ? available * available / (2 * ramp) : available - ramp / 2;
    }

    /** Wafers made by the horizon from the same starts: the integral of {@link #wafersOfOneFab} over the start dates. */
    static double wafersAfter(double available, double ramp) {
        if (available <= 0) {
            return 0;
        }
        if (ramp <= 0) {
            return available * available / 2;
        }
        if (available <= ramp) {
            return available * available * available / (6 * ramp);
        }
        return ramp * ramp / 6 + (available * available - ramp * ramp) / 2 - ramp * (available - ramp) / 2;
    }

    /** From wafers to accelerators, the largest run and power ({@link ComputeTranslation}). */
    private static void compute(Prepared.ComputeParameters c, Draws d, int horizonYear, Result out) {
        double dies = c.goodDiesPerWafer().quantile(d.u(Draws.DIES));
        double packaging = ComputeTranslation.packagingWpm(c, horizonYear, c.packagingGrowthAfter().quantile(d.u(Draws.PACKAGING_GROWTH)));
        out.acceleratorsPerYear = ComputeTranslation.acceleratorsPerYear(out.deliverable, packaging, dies);
        out.acceleratorStock = ComputeTranslation.stock(out.deliverableCumulative, dies);
        out.largestRunFlop = ComputeTranslation.largestRunFlop(out.acceleratorStock, c.actorShare().quantile(d.u(Draws.ACTOR_SHARE)),
                c.flopPerSecond(), c.utilization(), c.runMonths().quantile(d.u(Draws.RUN_MONTHS)));
        out.powerWatts = ComputeTranslation.powerWatts(out.acceleratorStock, c.wattsPerAccelerator());
    }
}
