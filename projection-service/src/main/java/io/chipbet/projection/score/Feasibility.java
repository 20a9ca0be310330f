package io.chipbet.projection.score;

import io.chipbet.projection.model.Assumption;
import io.chipbet.projection.model.Coverage;
import io.chipbet.projection.model.Inputs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The score as served and published: immutable. {@code version} counts the score's changes (it is
 * the aggregate version of FeasibilityChanged events). Events applied together in one batch make one
 * change: {@code changes} says how many events moved the score in it, and {@code cause} names the one
 * that moved it most.
 */
@Schema(description = "The live feasibility score of the plan, with its coverages and the assumptions behind it")
public record Feasibility(
        String planId,
        @Schema(description = "100 x the smallest capped coverage; null when nothing can be judged yet") Double score,
        @Schema(description = "The coverage that sets the score", examples = "capacity") String bindingConstraint,
        @Schema(description = "100 x the geometric mean of the capped coverages: a smoother trend") Double geometricMean,
        Coverage capital,
        Coverage capacity,
        Coverage talent,
        Inputs.Counts inputs,
        Instant asOf,
        long version,
        @Schema(description = "What moved the score most in this change", examples = "+0.80 capital: SoftBank Group commitment status changed (DISBURSED, FABS)")
        String cause,
        @Schema(description = "How many events moved the score in this change: more than one when a batch was applied at once")
        int changes,
        List<Assumption> assumptions) {
}
