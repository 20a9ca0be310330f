package io.chipbet.projection.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One evaluation's figures, in wafers a month at the horizon (cumulative figures in wafers): the
 * median-input path that the ingest side keeps for every event.
 */
public record Point(double deliverable, double deliverableCumulative, double tracked, double buildable, double fabs,
                    double capital, double talent, List<String> binding, double shareOfPlan, double acceleratorsPerYear,
                    double largestRunFlop) {

    static Point of(Evaluator.Result result, double targetWpm) {
        List<String> binding = new ArrayList<>();
        if ((result.binding & Evaluator.FABS) != 0) {
            binding.add("fabs");
        }
        if ((result.binding & Evaluator.CAPITAL) != 0) {
            binding.add("capital");
        }
        if ((result.binding & Evaluator.TALENT) != 0) {
            binding.add("talent");
        }
        return new Point(result.deliverable, result.deliverableCumulative, result.tracked, result.buildable,
                result.fabsConstraint(), result.capitalConstraint(), result.talentConstraint(), List.copyOf(binding),
                targetWpm > 0 ? result.deliverable / targetWpm : 0, result.acceleratorsPerYear, result.largestRunFlop);
    }

    /** Whether another point differs in any figure an analyst reads. */
    public boolean differsFrom(Point other) {
        return other == null || different(deliverable, other.deliverable) || different(fabs, other.fabs)
                || different(capital, other.capital) || different(talent, other.talent) || !binding.equals(other.binding);
    }

    private static boolean different(double a, double b) {
        return Math.abs(a - b) > 1e-6 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
