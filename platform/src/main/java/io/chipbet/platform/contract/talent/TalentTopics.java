package io.chipbet.platform.contract.talent;

/**
 * talent-service's topic. Pools, training programs and shortfall estimates share it, each in its
 * own key space: the key is the pool's, the program's or the estimate's id, and
 * {@code aggregateType} says which. One topic keeps a consumer's view of talent in one stream.
 */
public final class TalentTopics {

    public static final String POOLS = "chipbet.talent.pools.v1";

    public static final String POOL = "talent-pool";
    public static final String PROGRAM = "training-program";
    public static final String ESTIMATE = "shortfall-estimate";

    public static final String TALENT_POOL_RECORDED = "TalentPoolRecorded";
    public static final String TALENT_POOL_UPDATED = "TalentPoolUpdated";
    public static final String TRAINING_PROGRAM_LAUNCHED = "TrainingProgramLaunched";
    public static final String SHORTFALL_ESTIMATE_PUBLISHED = "ShortfallEstimatePublished";

    private TalentTopics() {
    }
}
