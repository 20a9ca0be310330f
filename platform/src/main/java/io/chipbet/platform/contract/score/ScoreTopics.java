package io.chipbet.platform.contract.score;

/** projection-service's topic: every change of the feasibility answer, keyed by plan id. v2: model v2's answer (probability, deliverable capacity, supplies in one unit). */
public final class ScoreTopics {

    public static final String SCORES = "chipbet.feasibility.scores.v2";
    public static final String AGGREGATE = "feasibility";
    public static final String FEASIBILITY_CHANGED = "FeasibilityChanged";

    private ScoreTopics() {
    }
}
