package io.chipbet.talent.projection;

import io.chipbet.platform.api.QueryEnums;
import io.chipbet.platform.contract.talent.SupplyFormula;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import io.chipbet.talent.estimate.ShortfallEstimate;
import io.chipbet.talent.estimate.ShortfallEstimateRepository;
import io.chipbet.talent.pool.TalentPool;
import io.chipbet.talent.pool.TalentPoolRepository;
import io.chipbet.talent.program.TrainingProgramRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Path("/api/v1/supply-projection")
@Tag(name = "Supply projection", description = "Where the workforce is heading")
public class SupplyProjectionResource {

    private final TalentPoolRepository pools;
    private final TrainingProgramRepository programs;
    private final ShortfallEstimateRepository estimates;

    public SupplyProjectionResource(TalentPoolRepository pools, TrainingProgramRepository programs,
                                    ShortfallEstimateRepository estimates) {
        this.pools = pools;
        this.programs = programs;
        this.estimates = estimates;
    }

    @GET
    @PermitAll
    @WithSession
    @Operation(summary = "Projected headcount in a year",
            description = "For each pool (one per role): H(asOfYear) = headcount; then each year "
                    + "H(y) = H(y-1) x (1 - attritionRate) + annualPipeline + the training programs' workers in y. "
                    + "In closed form, with n = year - asOfYear and s = 1 - attritionRate: "
                    + "H = headcount x s^n + sum_{k=1..n} (annualPipeline + programs(asOfYear + k)) x s^(n-k). "
                    + "Without a role, the pools of every role in the region are summed.")
    public Uni<SupplyProjection> project(@Parameter(required = true, example = "US") @QueryParam("region") String region,
                                         @Parameter(description = "A TalentRole; all roles if absent") @QueryParam("role") String role,
                                         @Parameter(required = true, example = "2030") @QueryParam("year") Integer year) {
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
        String code = region.trim().toUpperCase(Locale.ROOT);
        TalentRole wanted = QueryEnums.parse(TalentRole.class, "role", role);
        return pools.search(code, wanted).chain(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("Talent pool", code + (wanted == null ? "" : "/" + wanted));
            }
            return Multi.createFrom().iterable(found)
                    .onItem().transformToUniAndConcatenate(pool -> projectPool(pool, year))
                    .collect().asList()
                    .chain(byRole -> estimates.search(code, year).map(published -> new SupplyProjection(code, wanted, year,
                            Math.round(byRole.stream().mapToDouble(part -> part.parts().total()).sum()),
                            Math.round(byRole.stream().mapToDouble(part -> part.parts().fromCurrentWorkforce()).sum()),
                            Math.round(byRole.stream().mapToDouble(part -> part.parts().fromPipeline()).sum()),
                            Math.round(byRole.stream().mapToDouble(part -> part.parts().fromPrograms()).sum()),
                            byRole.stream().map(PoolParts::view).toList(),
                            published.stream().filter(estimate -> wanted == null || estimate.role == null || estimate.role == wanted)
                                    .map(ShortfallEstimate::toState).toList())));
        });
    }

    private Uni<PoolParts> projectPool(TalentPool pool, int year) {
        if (year < pool.asOfYear) {
            throw ProblemException.unprocessable("year-before-data", "Year before the data",
                    "The " + pool.role + " pool is as of " + pool.asOfYear + "; project to that year or later",
                    List.of(new Problem.Violation("year", "must be at least " + pool.asOfYear)));
        }
        return programs.forPool(pool.region, pool.role).map(running -> new PoolParts(pool, SupplyProjector.project(pool, running, year)));
    }

    private record PoolParts(TalentPool pool, SupplyFormula.Parts parts) {
        SupplyProjection.RoleProjection view() {
            return new SupplyProjection.RoleProjection(pool.role, pool.asOfYear, pool.headcount, Math.round(parts.total()),
                    Math.round(parts.fromCurrentWorkforce()), Math.round(parts.fromPipeline()), Math.round(parts.fromPrograms()));
        }
    }
}
