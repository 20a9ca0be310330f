package io.chipbet.projection.model;

import java.util.ArrayList;
import java.util.List;

/** Every assumption of a plan's evaluation, as configured, each with its source: what GET /api/v1/assumptions lists. */
public final class Assumptions {

    private Assumptions() {
    }

    public static List<Assumption> of(ModelConfig config, PlanTerms terms) {
        ModelConfig.Plan plan = config.plans().get(terms.key());
        List<Assumption> all = new ArrayList<>();
        figure(all, "plan.fabs", plan.fabs());
        figure(all, "plan.nameplateWpm", plan.nameplateWpm());
        figure(all, "plan.costPerFabUsd", plan.costPerFabUsd());
        all.add(Assumption.of("plan.horizon", plan.horizon().toString(), "date", plan.horizonSource(), null));
        ModelConfig.Baseline baseline = config.baseline();
        all.add(Assumption.of("baseline.basis", baseline.basis().name(), "basis", baseline.basisSource(), null));
        figure(all, "baseline.capacityStart (" + baseline.startYear() + ")", baseline.capacityStart());
        figure(all, "baseline.capacityEnd (" + baseline.endYear() + ")", baseline.capacityEnd());
        all.add(Assumption.of("fabs.nodeClasses", config.fabs().nodeClasses().stream().map(Enum::name).sorted().toList(),
                "node classes", config.fabs().nodeClassesSource(), null));
        uncertain(all, "fabs.rampMonths", config.fabs().rampMonths());
        figure(all, "fabs.slipPriorMeanMonths", config.fabs().slipPriorMeanMonths());
        figure(all, "fabs.slipPriorWeight", config.fabs().slipPriorWeight());
        new java.util.TreeMap<>(config.fabs().buildTimeRatio()).forEach((region, ratio) -> figure(all, "fabs.buildTimeRatio." + region, ratio));
        figure(all, "fabs.pausedRestartProbability", config.fabs().pausedRestartProbability());
        figure(all, "fabs.pausedRestartDelayMonths", config.fabs().pausedRestartDelayMonths());
        figure(all, "fabs.noCustomerPauseProbability", config.fabs().noCustomerPauseProbability());
        uncertain(all, "build.buildMonths", config.build().buildMonths());
        uncertain(all, "build.surge", config.build().surge());
        figure(all, "build.builders", config.build().builders());
        // In declaration order: a map of enums iterates in an order that differs between JVMs.
        for (io.chipbet.platform.contract.funding.CommitmentStatus status : io.chipbet.platform.contract.funding.CommitmentStatus.values()) {
            if (config.capital().conversion().containsKey(status)) {
                uncertain(all, "capital.conversion." + status, config.capital().conversion().get(status));
            }
        }
        for (io.chipbet.platform.contract.funding.Purpose purpose : io.chipbet.platform.contract.funding.Purpose.values()) {
            if (config.capital().fabShare().containsKey(purpose)) {
                uncertain(all, "capital.fabShare." + purpose, config.capital().fabShare().get(purpose));
            }
        }
        all.add(Assumption.of("capital.excludedInvestorCountries", config.capital().excludedInvestorCountries().stream().sorted().toList(),
                "ISO 3166 codes", config.capital().excludedInvestorCountriesSource(), null));
        uncertain(all, "capital.costMultiple", config.capital().costMultiple());
        uncertain(all, "talent.staffPerWpm", config.talent().staffPerWpm());
        figure(all, "talent.matureStaffPerWpm", config.talent().matureStaffPerWpm());
        all.add(Assumption.of("talent.scope", config.talent().scope(), "scope", Assumption.CHIPBET, null));
        ModelConfig.Compute c = config.compute();
        uncertain(all, "compute.goodDiesPerWafer", c.goodDiesPerWafer());
        figure(all, "compute.flopPerSecond", c.flopPerSecond());
        figure(all, "compute.utilization", c.utilization());
        uncertain(all, "compute.runMonths", c.runMonths());
        uncertain(all, "compute.actorShare", c.actorShare());
        figure(all, "compute.wattsPerAccelerator", c.wattsPerAccelerator());
        figure(all, "compute.packagingWpm (" + c.packagingYear() + ")", c.packagingWpm());
        figure(all, "compute.packagingGrowthSourced (to " + c.packagingGrowthSourcedUntil() + ")", c.packagingGrowthSourced());
        uncertain(all, "compute.packagingGrowthAfter", c.packagingGrowthAfter());
        figure(all, "compute.referenceRunCostUsd (" + c.referenceRunYear() + ")", c.referenceRunCostUsd());
        figure(all, "compute.frontierSpendGrowth", c.frontierSpendGrowth());
        figure(all, "compute.fixedCapabilityCostDecline", c.fixedCapabilityCostDecline());
        figure(all, "simulation.samples", config.simulation().samples());
        figure(all, "simulation.seed", config.simulation().seed());
        return all;
    }

    /** An uncertain input's P10, P50 and P90, in that order (a Map's order would differ between JVMs, and so would the bytes served). */
    public record Range(double p10, double p50, double p90) {
    }

    private static void figure(List<Assumption> all, String name, ModelConfig.Figure figure) {
        all.add(Assumption.of(name, figure.value(), figure.unit(), figure.sourceTitle(), figure.sourceUrl().orElse(null)));
    }

    private static void uncertain(List<Assumption> all, String name, ModelConfig.Uncertain uncertain) {
        all.add(Assumption.of(name, new Range(uncertain.p10(), uncertain.p50(), uncertain.p90()),
                uncertain.unit(), uncertain.sourceTitle(), uncertain.sourceUrl().orElse(null)));
    }
}
