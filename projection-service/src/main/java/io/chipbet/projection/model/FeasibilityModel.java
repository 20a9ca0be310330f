package io.chipbet.projection.model;

import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TrainingProgramState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The feasibility model of one plan over the record: the facts as they arrive ({@link #put}), and
 * from them the median-input path (instant, for every event), the Monte Carlo outlook and the
 * sensitivity (off the ingest path, on a {@link Prepared} snapshot). docs/model.md explains it.
 * Owned by one thread; only {@link Prepared} snapshots leave it.
 */
public final class FeasibilityModel {

    private final ModelConfig config;
    private final PlanTerms plan;
    private final Inputs inputs = new Inputs();
    private final FabBook fabs;
    private final CapitalBook capital;
    private final TalentBook talent;

    public FeasibilityModel(ModelConfig config, PlanTerms plan) {
        this.config = config;
        this.plan = plan;
        this.fabs = new FabBook(config);
        this.capital = new CapitalBook(config);
        this.talent = new TalentBook(plan.horizon().getYear());
    }

    public PlanTerms plan() {
        return plan;
    }

    /** Stores a state, replacing the previous one of the same aggregate. */
    public void put(Object state) {
        if (state instanceof FabState fab) {
            fabs.put(fab);
        } else if (state instanceof CommitmentState commitment) {
            capital.put(commitment);
        }
        String talentRegion = talentRegionOf(state);
        String previousRegion = talentRegion == null ? null : previousTalentRegion(state);
        inputs.put(state);
        if (talentRegion != null) {
            talent.refresh(previousRegion == null || previousRegion.equals(talentRegion) ? Set.of(talentRegion)
                    : Set.of(talentRegion, previousRegion), inputs);
        }
    }

    public void clear() {
        inputs.clear();
        fabs.clear();
        capital.clear();
        talent.clear();
    }

    /** The record behind the model; only the owning thread may read it. */
    public Inputs inputs() {
        return inputs;
    }

    /** Everything an evaluation needs, as of a date. Immutable; the live fab arrays are copied when {@code copy}. */
    public Prepared prepare(LocalDate asOf, boolean copy) {
        FabBook.Fabs fabArrays = copy ? fabs.snapshot() : fabs.live();
        Set<String> talentRegions = talent.regionNames();
        boolean[] talentRegion = new boolean[fabArrays.regions().length];
        for (int i = 0; i < talentRegion.length; i++) {
            talentRegion[i] = talentRegions.contains(fabArrays.regions()[i]);
        }
        ModelConfig.Baseline baseline = config.baseline();
        double industryAdditionsPerMonth = (baseline.capacityEnd().value() - baseline.capacityStart().value())
                / (baseline.endYear() - baseline.startYear()) / 12;
        Spread[] conversion = new Spread[Prepared.STATUSES];
        config.capital().conversion().forEach((status, spread) -> conversion[status.ordinal()] = bounded(spread, 1));
        Spread[] fabShare = new Spread[Prepared.PURPOSES];
        config.capital().fabShare().forEach((purpose, spread) -> fabShare[purpose.ordinal()] = bounded(spread, 1));
        ModelConfig.Compute c = config.compute();
        return new Prepared(fabArrays, Months.of(asOf), Months.of(plan.horizon()), plan.horizon().getYear(), plan.targetWpm(),
                plan.nameplateWpm(), plan.costPerWpmUsd(), baseline.basis(), industryAdditionsPerMonth,
                config.fabs().pausedRestartProbability().value(), config.fabs().pausedRestartDelayMonths().value(),
                config.fabs().noCustomerPauseProbability().value(),
                Spread.of(config.fabs().rampMonths()), Spread.of(config.build().buildMonths()), Spread.of(config.build().surge()),
                Spread.of(config.capital().costMultiple()), Spread.of(config.talent().staffPerWpm()), conversion, fabShare,
                capital.disbursed(), capital.undisbursed(), talent.surplus(), talent.newWorkers(), !talent.regions().isEmpty(),
                talentRegion, new Prepared.ComputeParameters(Spread.of(c.goodDiesPerWafer()), c.flopPerSecond().value(),
                c.utilization().value(), Spread.of(c.runMonths()), bounded(c.actorShare(), 1), c.wattsPerAccelerator().value(),
                c.packagingWpm().value(), c.packagingYear(), c.packagingGrowthSourced().value(), c.packagingGrowthSourcedUntil(),
                Spread.of(c.packagingGrowthAfter())));
    }

    /** Every uncertain input at its median: the instant path the ingest side scores each event with. */
    public static Point central(Prepared prepared) {
        Evaluator.Result result = new Evaluator.Result();
        Evaluator.evaluate(prepared, Draws.median(), result);
        return Point.of(result, prepared.targetWpm());
    }

    public Outlook simulate(Prepared prepared) {
        return Simulation.run(prepared, (int) config.simulation().samples().value(), (long) config.simulation().seed().value(),
                config.simulation().reportedShares());
    }

    /** The tornado: each uncertain input from its P10 to its P90, the others at their medians, largest swing first. */
    public List<Swing> sensitivity(Prepared prepared) {
        List<Swing> swings = new ArrayList<>();
        swings.add(swing(prepared, "further slip of tracked fabs", Draws.SLIP));
        swings.add(swing(prepared, "ramp to nameplate", Draws.RAMP));
        swings.add(swing(prepared, "build time of a new fab", Draws.BUILD_MONTHS));
        swings.add(swing(prepared, "builders' surge for the plan", Draws.SURGE));
        swings.add(swing(prepared, "cost of new capacity", Draws.COST));
        swings.add(swing(prepared, "staff per wafer a month", Draws.STAFF));
        swings.add(swing(prepared, "paused fabs restarting", Draws.RESTART));
        swings.add(swing(prepared, "fabs without a customer pausing", Draws.NO_CUSTOMER_PAUSE));
        // In declaration order: a map of enums iterates in an order that differs between JVMs.
        for (CommitmentStatus status : CommitmentStatus.values()) {
            if (config.capital().conversion().containsKey(status)) {
                swings.add(swing(prepared, "conversion of " + status + " money", Draws.CONVERSION + status.ordinal()));
            }
        }
        for (Purpose purpose : Purpose.values()) {
            if (config.capital().fabShare().containsKey(purpose)) {
                swings.add(swing(prepared, "fab share of " + purpose + " money", Draws.FAB_SHARE + purpose.ordinal()));
            }
        }
        swings.sort(Comparator.comparingDouble((Swing swing) -> Math.abs(swing.atP90() - swing.atP10())).reversed());
        return swings;
    }

    /** One bar of the tornado: the deliverable capacity with the input at its P10 and at its P90. */
    public record Swing(String input, double atP10, double atP90) {
    }

    private static Swing swing(Prepared prepared, String input, int draw) {
        Evaluator.Result result = new Evaluator.Result();
        Evaluator.evaluate(prepared, Draws.at(draw, 0.1), result);
        double low = result.deliverable;
        Evaluator.evaluate(prepared, Draws.at(draw, 0.9), result);
        return new Swing(input, low, result.deliverable);
    }

    /** The median-input path, input by input (GET /api/v1/inputs). Only the owning thread may call it. */
    public Explanation explain(Prepared prepared) {
        Evaluator.Result central = new Evaluator.Result();
        Evaluator.evaluate(prepared, Draws.median(), central);
        double horizon = prepared.horizonMonth();
        java.util.List<Explanation.FabRow> fabRows = new ArrayList<>();
        for (int i = 0; i < fabs.size(); i++) {
            FabState fab = fabs.state(i);
            String exclusion = fabs.exclusion(i);
            Double slip = null;
            LocalDate start = null;
            double capacity = 0;
            byte kind = fabs.kind(i);
            // The median-input path's choices, as Evaluator makes them with every draw at 0.5.
            boolean pausesAtMedian = kind == FabBook.PAUSED || kind == FabBook.NO_CUSTOMER && 0.5 < prepared.noCustomerPauseProbability();
            if (exclusion == null && pausesAtMedian && prepared.pausedRestartProbability() <= 0.5) {
                exclusion = kind == FabBook.PAUSED ? "paused; restarts in fewer than half of the samples"
                        : "no customer reported: pauses in more than half of the samples and restarts in fewer than half";
            }
            if (exclusion == null) {
                double startMonth = prepared.fabs().start()[i];
                if (kind != FabBook.PRODUCING) {
                    slip = fabs.slipsOf(i).quantile(0.5, fabs.ownIndex(i));
                    startMonth = Math.max(prepared.nowMonth(), startMonth + slip
                            + (pausesAtMedian ? prepared.pausedRestartDelayMonths() : 0));
                }
                start = Months.toDate(startMonth);
                double months = horizon - startMonth;
                double ramp = central.rampMonths;
                capacity = months <= 0 ? 0 : prepared.fabs().nameplate()[i] * (ramp <= 0 || months >= ramp ? 1 : months / ramp);
            }
            fabRows.add(new Explanation.FabRow(fab.id(), fab.name(), fab.operator(), fab.region(), fab.nodeClass().name(),
                    fab.status().name(), fab.customerStatus() == null ? null : fab.customerStatus().name(), fab.capacityWafersPerMonth(), fab.originalProductionDate(), fab.plannedProductionDate(),
                    fab.actualProductionDate(),
                    fab.slipMonths(), exclusion == null ? "counted" : exclusion, slip, start, capacity, fab.sources()));
        }
        fabRows.sort(Comparator.comparing(Explanation.FabRow::expectedStart, Comparator.nullsLast(Comparator.naturalOrder())));

        java.math.BigDecimal newMoney = java.math.BigDecimal.ZERO;
        java.util.List<Explanation.CommitmentRow> commitments = new ArrayList<>();
        for (CommitmentState c : inputs.commitments.values()) {
            CapitalBook.Treatment treatment = capital.treatment(c);
            if (treatment == CapitalBook.Treatment.NEW_CAPACITY) {
                newMoney = newMoney.add(c.amountUsd());
            }
            commitments.add(new Explanation.CommitmentRow(c.id(), c.investor().name(), c.investor().country(), c.status().name(),
                    c.purpose().name(), c.amountUsd(), c.disbursedUsd(), treatment.name(), capital.reason(c), c.sources()));
        }
        commitments.sort(Comparator.comparing(Explanation.CommitmentRow::amountUsd).reversed());
        double converted = central.capitalNew * central.costPerWpm;
        Explanation.Capital capitalView = new Explanation.Capital(newMoney, converted, central.costPerWpm, central.capitalNew,
                capital.tied(), capital.outOfScope(), commitments);

        java.util.List<Explanation.TalentRow> talentRows = talent.regions().stream().map(region -> new Explanation.TalentRow(
                region.region(), region.projected(), region.headcount(), region.demand(), region.demandSource(), region.surplus(),
                region.newWorkers(), region.sources(), region.byRole().stream().map(estimate -> new Explanation.RoleGap(estimate.role().name(),
                        estimate.targetYear(), estimate.shortfall(), estimate.demand(), estimate.source())).toList())).toList();

        double surge = prepared.surge().quantile(0.5);
        double monthsLeft = Math.max(0, prepared.horizonMonth() - prepared.nowMonth() - central.buildMonths);
        Explanation.Build build = new Explanation.Build(prepared.industryAdditionsPerMonth() * 12, surge, central.buildMonths,
                central.rampMonths, monthsLeft, central.buildable);

        double nameplate = prepared.nameplateWpm();
        String fabsReason = String.format(java.util.Locale.ROOT,
                "on record: %.1f fabs' worth online by the horizon; new fabs still buildable: %.1f (at %.1fx the industry's %,.0f wpm a year, %.0f months to build)",
                central.tracked / nameplate, central.buildable / nameplate,
                prepared.basis() == ModelConfig.Basis.INCREMENT ? surge : 1 + surge, prepared.industryAdditionsPerMonth() * 12,
                central.buildMonths);
        String capitalReason = String.format(java.util.Locale.ROOT,
                "untied fab money in scope converts to $%,.0fB, which buys %.1f fabs' worth at $%,.0f per wpm; $%,.0fB tied to tracked fabs and $%,.0fB out of scope are not counted again",
                converted / 1e9, central.capitalNew / nameplate, central.costPerWpm, capital.tied().doubleValue() / 1e9,
                capital.outOfScope().doubleValue() / 1e9);
        String talentReason = talentRows.isEmpty() ? "no talent on record: new capacity has no workers to staff it"
                : String.format(java.util.Locale.ROOT, "%s: staffs %.1f fabs' worth beyond the tracked fabs at %.2f staff per wpm",
                talentRows.stream().map(row -> prepared.basis() == ModelConfig.Basis.INCREMENT
                        ? row.region() + (row.surplus() == null ? " has no demand estimate on record"
                        : String.format(java.util.Locale.ROOT, " surplus after the industry's own growth %,.0f (supply %,.0f vs demand %,.0f in %d)",
                        row.surplus(), row.projectedAtHorizon(), row.demandAtHorizon(), prepared.horizonYear()))
                        : String.format(java.util.Locale.ROOT, "%s adds %,.0f workers by %d", row.region(), row.newWorkers(),
                        prepared.horizonYear())).collect(java.util.stream.Collectors.joining("; ")),
                central.talentNew / nameplate, central.staffPerWpm);
        return new Explanation(Months.toDate(prepared.nowMonth()), plan.horizon(), prepared.targetWpm(), fabRows, capitalView,
                talentRows, build, new Explanation.Reasons(fabsReason, capitalReason, talentReason));
    }

    private static Spread bounded(ModelConfig.Uncertain uncertain, double max) {
        return new Spread(Math.min(max, uncertain.p10()), Math.min(max, uncertain.p50()), Math.min(max, uncertain.p90()), 0, max);
    }

    private static String talentRegionOf(Object state) {
        if (state instanceof TalentPoolState pool) {
            return pool.region();
        }
        if (state instanceof TrainingProgramState program) {
            return program.region();
        }
        if (state instanceof ShortfallEstimateState estimate) {
            return estimate.region();
        }
        return null;
    }

    private String previousTalentRegion(Object state) {
        if (state instanceof TalentPoolState pool && inputs.pools.containsKey(pool.id())) {
            return inputs.pools.get(pool.id()).region();
        }
        if (state instanceof TrainingProgramState program && inputs.programs.containsKey(program.id())) {
            return inputs.programs.get(program.id()).region();
        }
        if (state instanceof ShortfallEstimateState estimate && inputs.estimates.containsKey(estimate.id())) {
            return inputs.estimates.get(estimate.id()).region();
        }
        return null;
    }
}
