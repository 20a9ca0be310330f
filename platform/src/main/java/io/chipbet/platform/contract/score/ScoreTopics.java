package io.chipbet.platform.contract.score;

import io.chipbet.platform.event.EventStream;

/** projection-service's topic: every change of the feasibility answer, keyed by plan id. v2: model v2's answer (probability, deliverable capacity, supplies in one unit). */
public final class ScoreTopics {

    public static final String SCORES = "chipbet.feasibility.scores.v2";
    public static final String AGGREGATE = "feasibility";
    /** The wire name of {@link FeasibilityEvent#FEASIBILITY_CHANGED}. */
    public static final String FEASIBILITY_CHANGED = "FeasibilityChanged";

    /** Records projection-service cannot use, copied byte for byte with dead-letter-* headers (no envelope of its own). */
    public static final String DEAD_LETTERS = "chipbet.projection.dead-letter.v1";

    public static final EventStream<Object> STREAM = new EventStream<>(SCORES, AGGREGATE, Object.class);

    private ScoreTopics() {
    }
}
