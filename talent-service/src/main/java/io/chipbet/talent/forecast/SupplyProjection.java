package io.chipbet.talent.forecast;

import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Projected headcount for a region (and role) in a year, beside the shortfalls studies published for it. "
        + "Per pool: H(y) = H(y-1) x (1 - attritionRate) + annualPipeline + programs' graduates in y, from H(asOfYear) = headcount.")
public record SupplyProjection(
        String region,
        @Schema(description = "Null: all roles in the region", nullable = true) TalentRole role,
        int year,
        @Schema(description = "Rounded to whole workers") long projectedHeadcount,
        long fromCurrentWorkforce,
        long fromPipeline,
        long fromPrograms,
        List<RoleProjection> byRole,
        @Schema(description = "Published estimates for the same region and year, as reported, for comparison")
        List<ShortfallEstimateState> publishedEstimates) {

    public record RoleProjection(@Schema(description = "Null for a pool that counts all roles", nullable = true) TalentRole role, int asOfYear, long headcountAsOf, long projectedHeadcount,
                                 long fromCurrentWorkforce, long fromPipeline, long fromPrograms) {
    }
}
