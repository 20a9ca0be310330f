package io.chipbet.projection.model;

import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.talent.SupplyFormula;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TrainingProgramState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The feasibility model, as docs/model.md explains it: three coverages, each capped at 1, and a
 * score of 100 times the smallest (Liebig's law: the scarcest input limits the build-out).
 * Pure functions of the inputs and the configuration.
 */
public final class Model {

    private Model() {
    }

    /** Capacity target = capital target / fab cost x fab capacity. */
    public static long capacityTarget(ModelConfig config) {
        return config.capitalTargetUsd().divide(config.fabCostUsd(), 10, RoundingMode.HALF_UP)
                .multiply(BigDecimal.valueOf(config.fabCapacityWafersPerMonth())).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The score from scratch: every coverage computed over every input. */
    public static Score evaluate(ModelConfig config, Inputs inputs) {
        return score(capitalCoverage(config, capitalAvailable(config, inputs.commitments.values())),
                capacityCoverage(config, inputs.fabs.values()),
                talentCoverage(config, talentSupply(config, inputs), talentDemandPerWaferMonth(config, inputs.fabs.values())),
                inputs.counts());
    }

    /** Liebig's law: the smallest capped coverage binds; the geometric mean is the smoother trend beside it. */
    public static Score score(Coverage capital, Coverage capacity, Coverage talent, Inputs.Counts counts) {
        // Plain loops: this runs once per applied event on the ingest path.
        Coverage binding = null;
        double product = 1;
        int judged = 0;
        for (Coverage coverage : new Coverage[] {capital, capacity, talent}) {
            if (coverage.capped() != null) {
                judged++;
                product *= coverage.capped();
                if (binding == null || coverage.capped() < binding.capped()) {
                    binding = coverage;
                }
            }
        }
        Double score = binding == null ? null : 100 * binding.capped();
        Double geometricMean = judged == 0 ? null : 100 * Math.pow(product, 1.0 / judged);
        return new Score(score, binding == null ? null : binding.name(), geometricMean, capital, capacity, talent, counts);
    }

    public static Coverage capitalCoverage(ModelConfig config, BigDecimal available) {
        return Coverage.of("capital", available.doubleValue(), config.capitalTargetUsd().doubleValue(), "USD");
    }

    public static Coverage capacityCoverage(ModelConfig config, Collection<FabState> fabs) {
        return Coverage.of("capacity", capacityOnline(config, fabs), capacityTarget(config), "wafers per month");
    }

    public static Coverage talentCoverage(ModelConfig config, double supply, double demandPerWaferMonth) {
        return Coverage.of("talent", supply, capacityTarget(config) * demandPerWaferMonth, "workers");
    }

    // ---- capital ------------------------------------------------------------------------------

    /**
     * Disbursed money counts in full; the rest by its status's weight; all of it by its purpose's
     * weight. Exact, so that a sum kept by difference equals one computed afresh.
     */
    public static BigDecimal weightedCapital(ModelConfig config, CommitmentState commitment) {
        if (commitment.status() == CommitmentStatus.WITHDRAWN) {
            return BigDecimal.ZERO;
        }
        BigDecimal disbursed = commitment.disbursedUsd();
        BigDecimal outstanding = commitment.amountUsd().subtract(disbursed);
        CommitmentStatus outstandingAs = commitment.status() == CommitmentStatus.DISBURSED ? CommitmentStatus.COMMITTED : commitment.status();
        return config.purposeWeight().getOrDefault(commitment.purpose(), BigDecimal.ZERO)
                .multiply(disbursed.add(outstanding.multiply(config.statusWeight().getOrDefault(outstandingAs, BigDecimal.ZERO))));
    }

    static BigDecimal capitalAvailable(ModelConfig config, Collection<CommitmentState> commitments) {
        return commitments.stream().map(commitment -> weightedCapital(config, commitment)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // ---- capacity -----------------------------------------------------------------------------

    /** When a fab is expected to produce: now if it does; else its plan plus its peers' median slip; never if paused or cancelled. */
    public static Optional<LocalDate> expectedOnline(FabState fab, Collection<FabState> all) {
        if (fab.status() == FabStatus.VOLUME_PRODUCTION) {
            return Optional.ofNullable(fab.actualProductionDate()).or(() -> Optional.of(LocalDate.MIN));
        }
        if (fab.status() == FabStatus.PAUSED || fab.status() == FabStatus.CANCELLED || fab.plannedProductionDate() == null) {
            return Optional.empty();
        }
        return Optional.of(fab.plannedProductionDate().plusMonths(expectedFurtherSlipMonths(fab, all)));
    }

    /** The median observed slip of the fab's operator; of its region if the operator has none; else 0. */
    public static long expectedFurtherSlipMonths(FabState fab, Collection<FabState> all) {
        return medianSlip(all.stream().filter(other -> other.operator().equalsIgnoreCase(fab.operator())))
                .or(() -> medianSlip(all.stream().filter(other -> Objects.equals(other.region(), fab.region()))))
                .orElse(0L);
    }

    private static Optional<Long> medianSlip(Stream<FabState> fabs) {
        List<Integer> slips = fabs.filter(fab -> fab.status() != FabStatus.CANCELLED)
                .map(Model::observedSlip).filter(Objects::nonNull).sorted().toList();
        if (slips.isEmpty()) {
            return Optional.empty();
        }
        int n = slips.size();
        double median = n % 2 == 1 ? slips.get(n / 2) : (slips.get(n / 2 - 1) + slips.get(n / 2)) / 2.0;
        return Optional.of(Math.max(0, Math.round(median)));
    }

    static Integer observedSlip(FabState fab) {
        LocalDate effective = fab.actualProductionDate() != null ? fab.actualProductionDate() : fab.plannedProductionDate();
        if (fab.originalProductionDate() == null || effective == null) {
            return null;
        }
        return (int) Period.between(fab.originalProductionDate(), effective).toTotalMonths();
    }

    public static boolean countsForCapacity(ModelConfig config, FabState fab, Collection<FabState> all) {
        return config.nodeClasses().contains(fab.nodeClass()) && fab.capacityWafersPerMonth() != null
                && expectedOnline(fab, all).map(date -> !date.isAfter(config.horizon())).orElse(false);
    }

    static double capacityOnline(ModelConfig config, Collection<FabState> fabs) {
        return fabs.stream().filter(fab -> countsForCapacity(config, fab, fabs))
                .mapToDouble(FabState::capacityWafersPerMonth).sum();
    }

    // ---- talent -------------------------------------------------------------------------------

    /** Operations staff per wafer-per-month, from the fabs that report both; null without data. */
    public static Double operationsPerWaferMonth(Collection<FabState> fabs) {
        return ratio(fabs.stream().filter(fab -> fab.operationsHeadcount() != null), FabState::operationsHeadcount);
    }

    public static Double constructionPeakPerWaferMonth(Collection<FabState> fabs) {
        return ratio(fabs.stream().filter(fab -> fab.constructionPeakHeadcount() != null), FabState::constructionPeakHeadcount);
    }

    private static Double ratio(Stream<FabState> reporting, java.util.function.Function<FabState, Integer> people) {
        List<FabState> both = reporting.filter(fab -> fab.capacityWafersPerMonth() != null && fab.capacityWafersPerMonth() > 0).toList();
        if (both.isEmpty()) {
            return null;
        }
        double headcount = both.stream().mapToDouble(fab -> people.apply(fab)).sum();
        double capacity = both.stream().mapToDouble(FabState::capacityWafersPerMonth).sum();
        return headcount / capacity;
    }

    /** Workers needed per wafer-per-month of target: operations, plus the overlapping share of construction. */
    public static double talentDemandPerWaferMonth(ModelConfig config, Collection<FabState> fabs) {
        Double operations = operationsPerWaferMonth(fabs);
        if (operations == null) {
            return 0; // No fab reports staffing yet: talent cannot be judged.
        }
        Double construction = constructionPeakPerWaferMonth(fabs);
        return operations + (construction == null ? 0 : construction * config.constructionOverlap());
    }

    /** New workers the pools add by the horizon: projected headcount minus today's, over every pool. */
    public static double talentSupply(ModelConfig config, Inputs inputs) {
        return inputs.pools.values().stream().mapToDouble(pool -> netAddition(config, pool, inputs.programs.values())).sum();
    }

    public static double netAddition(ModelConfig config, TalentPoolState pool, Collection<TrainingProgramState> programs) {
        int year = Math.max(config.horizon().getYear(), pool.asOfYear());
        SupplyFormula.Parts parts = SupplyFormula.project(pool.headcount(), pool.annualPipeline(),
                pool.attritionRate().doubleValue(), pool.asOfYear(), graduationYear -> programs.stream()
                        .filter(program -> program.region().equals(pool.region()) && (pool.role() == null || program.role() == pool.role()))
                        .filter(program -> graduationYear >= program.startYear() && graduationYear <= program.endYear())
                        .mapToLong(TrainingProgramState::workersPerYear).sum(), year);
        return Math.max(0, parts.total() - pool.headcount());
    }
}
