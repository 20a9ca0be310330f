package io.chipbet.platform.contract.talent;

import java.util.Collection;
import java.util.function.IntToLongFunction;

/**
 * The supply projection that talent-service serves and projection-service scores with. With a = the
 * attrition rate, H0 the headcount in the as-of year y0, P the annual pipeline, T(y) the training
 * programs' workers in year y, and n = year - y0:
 *
 * <pre>
 * H(y0) = H0;   H(y) = H(y - 1) x (1 - a) + P + T(y)
 * H(year) = H0 (1 - a)^n + sum_{k=1..n} P (1 - a)^(n-k) + sum_{k=1..n} T(y0 + k) (1 - a)^(n-k)
 * </pre>
 */
public final class SupplyFormula {

    private SupplyFormula() {
    }

    /** The three parts of a projected headcount, unrounded. */
    public record Parts(double fromCurrentWorkforce, double fromPipeline, double fromPrograms) {
        public double total() {
            return fromCurrentWorkforce + fromPipeline + fromPrograms;
        }
    }

    public static Parts project(long headcount, long annualPipeline, double attritionRate, int asOfYear,
                                IntToLongFunction programWorkersInYear, int year) {
        if (year < asOfYear) {
            throw new IllegalArgumentException("year " + year + " is before the as-of year " + asOfYear);
        }
        double survival = 1 - attritionRate;
        int n = year - asOfYear;
        double pipeline = 0;
        double programs = 0;
        for (int k = 1; k <= n; k++) {
            double surviving = Math.pow(survival, n - k);
            pipeline += annualPipeline * surviving;
            programs += programWorkersInYear.applyAsLong(asOfYear + k) * surviving;
        }
        return new Parts(headcount * Math.pow(survival, n), pipeline, programs);
    }

    /** The one rule for which training programs add to a pool: same region, the pool's role (or any, for an all-roles pool). */
    public static boolean countsToward(TalentPoolState pool, TrainingProgramState program) {
        return program.region().equals(pool.region()) && (pool.role() == null || program.role() == pool.role());
    }

    /** A pool's projected headcount in {@code year}, with the programs that count toward it. */
    public static Parts projectPool(TalentPoolState pool, Collection<TrainingProgramState> programs, int year) {
        return project(pool.headcount(), pool.annualPipeline(), pool.attritionRate().doubleValue(), pool.asOfYear(),
                graduationYear -> programs.stream().filter(program -> countsToward(pool, program))
                        .filter(program -> graduationYear >= program.startYear() && graduationYear <= program.endYear())
                        .mapToLong(TrainingProgramState::workersPerYear).sum(), Math.max(year, pool.asOfYear()));
    }
}
