package io.chipbet.projection.model;

import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TrainingProgramState;

import java.math.BigDecimal;

/**
 * The model kept current one state at a time, for the ingest path. Re-evaluating every input per
 * event costs O(inputs); here a commitment moves the capital sum by its difference (exactly: the sum
 * is a BigDecimal), and capacity and talent are recomputed only when a fab or a talent input
 * changed. It gives the same score as {@link Model#evaluate} on the same inputs; LiveModelTest
 * checks that over random histories.
 */
public final class LiveModel {

    private final ModelConfig config;
    private final Inputs inputs = new Inputs();
    private BigDecimal capitalAvailable = BigDecimal.ZERO;
    private Coverage capacity;
    private Coverage talent;

    public LiveModel(ModelConfig config) {
        this.config = config;
    }

    /** Stores a state, replacing the previous one of the same aggregate. */
    public void put(Object state) {
        if (state instanceof CommitmentState commitment) {
            CommitmentState previous = inputs.commitments.get(commitment.id());
            if (previous != null) {
                capitalAvailable = capitalAvailable.subtract(Model.weightedCapital(config, previous));
            }
            capitalAvailable = capitalAvailable.add(Model.weightedCapital(config, commitment));
        } else if (state instanceof FabState) {
            // Fabs set capacity, and the staffing ratios behind talent demand.
            capacity = null;
            talent = null;
        } else if (state instanceof TalentPoolState || state instanceof TrainingProgramState) {
            talent = null;
        }
        inputs.put(state);
    }

    public void clear() {
        inputs.clear();
        capitalAvailable = BigDecimal.ZERO;
        capacity = null;
        talent = null;
    }

    public Score score() {
        if (capacity == null) {
            capacity = Model.capacityCoverage(config, inputs.fabs.values());
        }
        if (talent == null) {
            talent = Model.talentCoverage(config, Model.talentSupply(config, inputs),
                    Model.talentDemandPerWaferMonth(config, inputs.fabs.values()));
        }
        return Model.score(Model.capitalCoverage(config, capitalAvailable), capacity, talent, inputs.counts());
    }

    /** The inputs behind the score; only the thread that puts may read them. */
    public Inputs inputs() {
        return inputs;
    }
}
