package io.chipbet.talent.forecast;

import io.chipbet.platform.contract.talent.SupplyFormula;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import io.chipbet.talent.Regions;
import io.chipbet.talent.estimate.ShortfallEstimate;
import io.chipbet.talent.estimate.ShortfallEstimateRepository;
import io.chipbet.talent.pool.TalentPool;
import io.chipbet.talent.pool.TalentPoolRepository;
import io.chipbet.talent.program.TrainingProgram;
import io.chipbet.talent.program.TrainingProgramRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a region's workforce is heading: each pool projected with platform's {@link SupplyFormula},
 * with the programs that its rule ({@link SupplyFormula#countsToward}) counts: the formula and the
 * rule projection-service scores with.
 */
@ApplicationScoped
public class SupplyForecastService {

    @Inject TalentPoolRepository pools;
    @Inject TrainingProgramRepository programs;
    @Inject ShortfallEstimateRepository estimates;

    @WithSession
    public Uni<SupplyProjection> project(String region, TalentRole role, Integer year) {
        List<Problem.Violation> missing = new ArrayList<>();
        if (region == null || region.isBlank()) {
            missing.add(new Problem.Violation("region", "is required"));
        }
        if (year == null) {
            missing.add(new Problem.Violation("year", "is required"));
        }
        if (!missing.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(400, "validation", "Invalid request",
                    "region and year are required", missing));
        }
        String code = Regions.code(region);
        return pools.search(code, role).chain(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("Talent pool", code + (role == null ? "" : "/" + role));
            }
            found.forEach(pool -> requireProjectable(pool, year));
            return programs.search(code).chain(inRegion -> {
                List<TrainingProgramState> running = inRegion.stream().map(TrainingProgram::toState).toList();
                List<PoolParts> byRole = found.stream().map(TalentPool::toState)
                        .map(pool -> new PoolParts(pool, SupplyFormula.projectPool(pool, running, year))).toList();
                return estimates.search(code, year).map(published -> new SupplyProjection(code, role, year,
                        Math.round(byRole.stream().mapToDouble(part -> part.parts().total()).sum()),
                        Math.round(byRole.stream().mapToDouble(part -> part.parts().fromCurrentWorkforce()).sum()),
                        Math.round(byRole.stream().mapToDouble(part -> part.parts().fromPipeline()).sum()),
                        Math.round(byRole.stream().mapToDouble(part -> part.parts().fromPrograms()).sum()),
                        byRole.stream().map(PoolParts::view).toList(),
                        published.stream().filter(estimate -> role == null || estimate.role == null || estimate.role == role)
                                .map(ShortfallEstimate::toState).toList()));
            });
        });
    }

    private static void requireProjectable(TalentPool pool, int year) {
        if (year < pool.asOfYear) {
            throw ProblemException.unprocessable("year-before-data", "Year before the data",
                    "The " + pool.role + " pool is as of " + pool.asOfYear + "; project to that year or later",
                    List.of(new Problem.Violation("year", "must be at least " + pool.asOfYear)));
        }
    }

    private record PoolParts(TalentPoolState pool, SupplyFormula.Parts parts) {
        SupplyProjection.RoleProjection view() {
            return new SupplyProjection.RoleProjection(pool.role(), pool.asOfYear(), pool.headcount(), Math.round(parts.total()),
                    Math.round(parts.fromCurrentWorkforce()), Math.round(parts.fromPipeline()), Math.round(parts.fromPrograms()));
        }
    }
}
