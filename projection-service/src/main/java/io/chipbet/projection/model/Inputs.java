package io.chipbet.projection.model;

import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TrainingProgramState;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The latest state of every aggregate the projection has seen, by id. Owned by the single ingest
 * thread; readers never see it, only the immutable snapshots computed from it.
 */
public final class Inputs {

    public final Map<UUID, CommitmentState> commitments = new HashMap<>();
    public final Map<UUID, FabState> fabs = new HashMap<>();
    public final Map<UUID, TalentPoolState> pools = new HashMap<>();
    public final Map<UUID, TrainingProgramState> programs = new HashMap<>();
    public final Map<UUID, ShortfallEstimateState> estimates = new HashMap<>();

    /** Stores a state, replacing the previous one of the same aggregate. */
    public void put(Object state) {
        if (state instanceof CommitmentState c) {
            commitments.put(c.id(), c);
        } else if (state instanceof FabState f) {
            fabs.put(f.id(), f);
        } else if (state instanceof TalentPoolState p) {
            pools.put(p.id(), p);
        } else if (state instanceof TrainingProgramState t) {
            programs.put(t.id(), t);
        } else if (state instanceof ShortfallEstimateState e) {
            estimates.put(e.id(), e);
        } else {
            throw new IllegalArgumentException("Not an input: " + state.getClass());
        }
    }

    /** Every state held, as an immutable list: a copy another thread may read. */
    public java.util.List<Object> states() {
        java.util.List<Object> all = new java.util.ArrayList<>(commitments.size() + fabs.size() + pools.size() + programs.size() + estimates.size());
        all.addAll(commitments.values());
        all.addAll(fabs.values());
        all.addAll(pools.values());
        all.addAll(programs.values());
        all.addAll(estimates.values());
        return java.util.Collections.unmodifiableList(all);
    }

    public void clear() {
        commitments.clear();
        fabs.clear();
        pools.clear();
        programs.clear();
        estimates.clear();
    }

    public Counts counts() {
        return new Counts(commitments.size(), fabs.size(), pools.size(), programs.size(), estimates.size());
    }

    /** How many inputs of each kind stand behind a score. */
    public record Counts(int commitments, int fabs, int talentPools, int trainingPrograms, int shortfallEstimates) {
    }
}
