package io.chipbet.projection.model;

/**
 * The model's output. {@code score} is 100 x the smallest capped coverage, or null when no coverage
 * can be judged; {@code geometricMean} is 100 x the geometric mean of the capped coverages, a
 * smoother trend shown beside it.
 */
public record Score(Double score, String bindingConstraint, Double geometricMean, Coverage capital, Coverage capacity,
                    Coverage talent, Inputs.Counts inputs) {
}
