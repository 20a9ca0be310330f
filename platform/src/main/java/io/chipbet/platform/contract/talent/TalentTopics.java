package io.chipbet.platform.contract.talent;

import io.chipbet.platform.event.EventStream;

/**
 * talent-service's topic. Pools, training programs and shortfall estimates share it, each in its
 * own key space: the key is the pool's, the program's or the estimate's id, and
 * {@code aggregateType} says which. One topic keeps a consumer's view of talent in one stream.
 * (The topic's name says "pools" for history: renaming a topic is a breaking change.) Event types:
 * {@link TalentPoolEvent}, {@link TrainingProgramEvent}, {@link ShortfallEstimateEvent}.
 */
public final class TalentTopics {

    public static final String POOLS = "chipbet.talent.pools.v1";

    public static final String POOL = "talent-pool";
    public static final String PROGRAM = "training-program";
    public static final String ESTIMATE = "shortfall-estimate";

    public static final EventStream<TalentPoolState> POOL_EVENTS = new EventStream<>(POOLS, POOL, TalentPoolState.class);
    public static final EventStream<TrainingProgramState> PROGRAM_EVENTS = new EventStream<>(POOLS, PROGRAM, TrainingProgramState.class);
    public static final EventStream<ShortfallEstimateState> ESTIMATE_EVENTS = new EventStream<>(POOLS, ESTIMATE, ShortfallEstimateState.class);

    private TalentTopics() {
    }
}
