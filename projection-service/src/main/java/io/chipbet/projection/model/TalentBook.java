package io.chipbet.projection.model;

import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.SupplyFormula;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TrainingProgramState;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The people on record, by region: the supply projection at the horizon (talent-service's formula,
 * in platform), today's headcount, and the industry's own demand at the horizon from the published
 * estimates. Recomputed per region when one of its inputs changes; regions are few.
 */
final class TalentBook {

    /** One region's figures at the horizon year. */
    record Region(String region, double projected, double headcount, Double demand, String demandSource) {
        /** Workers beyond the industry's own demand; null when no demand is on record. */
        Double surplus() {
            return demand == null ? null : projected - demand;
        }

        double newWorkers() {
            return projected - headcount;
        }
    }

    private final int horizonYear;
    private final Map<String, Region> regions = new TreeMap<>();

    TalentBook(int horizonYear) {
        this.horizonYear = horizonYear;
    }

    /** Recomputes the regions whose inputs changed, from the whole talent record. */
    void refresh(Set<String> changed, Inputs inputs) {
        for (String region : changed) {
            // In id order: a sum in another order may differ in its last bit, and so would the answer's bytes.
            List<TalentPoolState> pools = inputs.pools.values().stream().filter(pool -> pool.region().equals(region))
                    .sorted(Comparator.comparing(TalentPoolState::id)).toList();
            if (pools.isEmpty()) {
                regions.remove(region);
                continue;
            }
            double projected = pools.stream().mapToDouble(pool -> SupplyFormula.projectPool(pool, programsIn(region, inputs.programs.values()),
                    horizonYear).total()).sum();
            double headcount = pools.stream().mapToDouble(TalentPoolState::headcount).sum();
            Optional<List<ShortfallEstimateState>> demand = demandEstimates(region, inputs.estimates.values());
            regions.put(region, new Region(region, projected, headcount,
                    demand.map(estimates -> estimates.stream().mapToDouble(ShortfallEstimateState::demand).sum()).orElse(null),
                    demand.map(estimates -> estimates.stream().map(estimate -> estimate.source().title()).distinct()
                            .collect(Collectors.joining("; "))).orElse(null)));
        }
    }

    void clear() {
        regions.clear();
    }

    Collection<Region> regions() {
        return regions.values();
    }

    Set<String> regionNames() {
        return new TreeSet<>(regions.keySet());
    }

    /** Σ max(0, surplus) over the regions with a demand on record; null when none has one. */
    Double surplus() {
        List<Double> known = regions.values().stream().map(Region::surplus).filter(java.util.Objects::nonNull).toList();
        return known.isEmpty() ? null : known.stream().mapToDouble(surplus -> Math.max(0, surplus)).sum();
    }

    double newWorkers() {
        return regions.values().stream().mapToDouble(Region::newWorkers).sum();
    }

    private static List<TrainingProgramState> programsIn(String region, Collection<TrainingProgramState> programs) {
        return programs.stream().filter(program -> program.region().equals(region))
                .sorted(Comparator.comparing(TrainingProgramState::id)).toList();
    }

    /**
     * The industry's demand in a region at the horizon: the estimates that give a demand, for the
     * target year nearest the horizon; one for all roles if there is one, else the sum of the roles'.
     */
    private Optional<List<ShortfallEstimateState>> demandEstimates(String region, Collection<ShortfallEstimateState> estimates) {
        List<ShortfallEstimateState> withDemand = estimates.stream()
                .filter(estimate -> estimate.region().equals(region) && estimate.demand() != null).toList();
        if (withDemand.isEmpty()) {
            return Optional.empty();
        }
        int year = withDemand.stream().map(ShortfallEstimateState::targetYear)
                .min(Comparator.comparingInt((Integer target) -> Math.abs(target - horizonYear)).thenComparing(Comparator.reverseOrder()))
                .orElseThrow();
        List<ShortfallEstimateState> thatYear = withDemand.stream().filter(estimate -> estimate.targetYear() == year).toList();
        Optional<ShortfallEstimateState> allRoles = thatYear.stream().filter(estimate -> estimate.role() == null)
                .max(Comparator.comparing(ShortfallEstimateState::createdAt));
        if (allRoles.isPresent()) {
            return Optional.of(List.of(allRoles.get()));
        }
        // One per role: the newest.
        return Optional.of(thatYear.stream().collect(Collectors.toMap(ShortfallEstimateState::role, estimate -> estimate,
                (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b)).values().stream().toList());
    }
}
