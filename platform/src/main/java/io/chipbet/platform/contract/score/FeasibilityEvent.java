package io.chipbet.platform.contract.score;

import io.chipbet.platform.event.EventStream;
import io.chipbet.platform.event.EventType;

/**
 * projection-service's event types on {@link ScoreTopics#SCORES} and {@link ScenarioTopics#SCENARIOS}.
 * Their data is projection-service's own answer, so their schemas are written by hand (and checked
 * against its classes by projection-service's tests).
 */
public enum FeasibilityEvent implements EventType<Object> {

    FEASIBILITY_CHANGED(ScoreTopics.FEASIBILITY_CHANGED, ScoreTopics.STREAM, "feasibility/FeasibilityChanged.schema.json",
            "The answer changed: a batch of input events moved it (on the median-input path), or a finished simulation moved the probability or the P50."),
    SCENARIO_EVALUATED(ScenarioTopics.SCENARIO_EVALUATED, ScenarioTopics.STREAM, "feasibility/ScenarioEvaluated.schema.json",
            "A scenario's answer moved (its probability or its P50, as the live record moved or its spec was revised)."),
    SCENARIO_DELETED(ScenarioTopics.SCENARIO_DELETED, ScenarioTopics.STREAM, "feasibility/ScenarioEvaluated.schema.json",
            "The scenario was deleted: the last event for its key.");

    private final Definition<Object> definition;
    private final String schema;

    FeasibilityEvent(String wireName, EventStream<Object> stream, String schema, String description) {
        this.definition = new Definition<>(wireName, stream, description);
        this.schema = schema;
    }

    @Override
    public Definition<Object> definition() {
        return definition;
    }

    /** The event schema holds the data's schema too. */
    @Override
    public String dataSchema() {
        return schema;
    }

    @Override
    public String eventSchema() {
        return schema;
    }
}
