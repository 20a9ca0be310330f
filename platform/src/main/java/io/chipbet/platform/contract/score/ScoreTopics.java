package io.chipbet.platform.contract.score;

/** projection-service's topic: every change of the feasibility score, keyed by plan id. */
public final class ScoreTopics {

    public static final String SCORES = "chipbet.feasibility.scores.v1";
    public static final String AGGREGATE = "feasibility";
    public static final String FEASIBILITY_CHANGED = "FeasibilityChanged";

    private ScoreTopics() {
    }
}
