package io.chipbet.talent.projection;

import io.chipbet.talent.pool.TalentPool;
import io.chipbet.talent.program.TrainingProgram;

import java.util.List;

/**
 * Projects a pool's headcount to a year. With a = attrition rate, H0 = headcount in the as-of year
 * y0, P = annual pipeline, T(y) = the programs' graduates in year y, and n = year - y0:
 *
 * <pre>
 * H(y0) = H0
 * H(y)  = H(y - 1) x (1 - a) + P + T(y)          for y0 < y <= year
 * </pre>
 *
 * which splits into what survives of today's workforce, of the pipeline and of the programs:
 *
 * <pre>
 * H(year) = H0 (1 - a)^n  +  sum_{k=1..n} P (1 - a)^(n-k)  +  sum_{k=1..n} T(y0 + k) (1 - a)^(n-k)
 * </pre>
 */
public final class SupplyProjector {

    private SupplyProjector() {
    }

    /** The three parts of a projected headcount, unrounded. */
    public record Parts(double fromCurrentWorkforce, double fromPipeline, double fromPrograms) {
        public double total() {
            return fromCurrentWorkforce + fromPipeline + fromPrograms;
        }
    }

    public static Parts project(TalentPool pool, List<TrainingProgram> programs, int year) {
        if (year < pool.asOfYear) {
            throw new IllegalArgumentException("year " + year + " is before the pool's as-of year " + pool.asOfYear);
        }
        double survival = 1 - pool.attritionRate.doubleValue();
        int n = year - pool.asOfYear;
        double base = pool.headcount * Math.pow(survival, n);
        double pipeline = 0;
        double fromPrograms = 0;
        for (int k = 1; k <= n; k++) {
            double surviving = Math.pow(survival, n - k);
            pipeline += pool.annualPipeline * surviving;
            int graduationYear = pool.asOfYear + k;
            long graduates = programs.stream().mapToLong(program -> program.workersIn(graduationYear)).sum();
            fromPrograms += graduates * surviving;
        }
        return new Parts(base, pipeline, fromPrograms);
    }
}
