package io.chipbet.talent.projection;

import io.chipbet.platform.contract.talent.SupplyFormula;
import io.chipbet.talent.pool.TalentPool;
import io.chipbet.talent.program.TrainingProgram;

import java.util.List;

/** Applies the shared {@link SupplyFormula} to a pool and the programs for its region and role. */
public final class SupplyProjector {

    private SupplyProjector() {
    }

    public static SupplyFormula.Parts project(TalentPool pool, List<TrainingProgram> programs, int year) {
        return SupplyFormula.project(pool.headcount, pool.annualPipeline, pool.attritionRate.doubleValue(), pool.asOfYear,
                graduationYear -> programs.stream().mapToLong(program -> program.workersIn(graduationYear)).sum(), year);
    }
}
