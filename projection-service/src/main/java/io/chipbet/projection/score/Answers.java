package io.chipbet.projection.score;

import io.chipbet.projection.model.Assumptions;
import io.chipbet.projection.model.FeasibilityModel;
import io.chipbet.projection.model.ModelConfig;
import io.chipbet.projection.model.PlanTerms;
import io.chipbet.projection.model.Prepared;

import java.time.LocalDate;
import java.util.List;

/** The whole answer for any record and configuration, evaluated at once: what a scenario is answered with. */
public final class Answers {

    private Answers() {
    }

    /** As GET /api/v1/feasibility would answer for these facts, under this configuration, on this date (version 0). */
    public static Feasibility evaluate(ModelConfig config, List<Object> states, LocalDate evaluatedOn) {
        PlanTerms plan = PlanTerms.of(config, config.plan());
        FeasibilityModel model = new FeasibilityModel(config, plan);
        states.forEach(model::put);
        Prepared prepared = model.prepare(evaluatedOn, true);
        Snapshots.Base base = new Snapshots.Base(FeasibilityModel.central(prepared), model.explain(prepared), model.inputs().counts(),
                1, evaluatedOn);
        Snapshots.Evaluated evaluated = new Snapshots.Evaluated(model.simulate(prepared), model.sensitivity(prepared), 1);
        return Snapshots.feasibility(config, plan, Assumptions.of(config, plan), base, evaluated, null, 0, null, 0);
    }

    /** Only the probability, for a search that evaluates many variants. */
    public static double probability(ModelConfig config, List<Object> states, LocalDate evaluatedOn) {
        PlanTerms plan = PlanTerms.of(config, config.plan());
        FeasibilityModel model = new FeasibilityModel(config, plan);
        states.forEach(model::put);
        return model.simulate(model.prepare(evaluatedOn, true)).probability();
    }
}
