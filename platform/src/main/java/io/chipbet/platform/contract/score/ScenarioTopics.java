package io.chipbet.platform.contract.score;

import io.chipbet.platform.event.EventStream;

/** projection-service's scenario topic: each scenario's answer as the record moves, keyed by scenario id. */
public final class ScenarioTopics {

    public static final String SCENARIOS = "chipbet.feasibility.scenarios.v1";
    public static final String AGGREGATE = "scenario";
    /** The scenario's answer moved (its probability or its P50), or its spec was revised. */
    public static final String SCENARIO_EVALUATED = "ScenarioEvaluated";
    /** The scenario was deleted: the last event for its key. */
    public static final String SCENARIO_DELETED = "ScenarioDeleted";

    public static final EventStream<Object> STREAM = new EventStream<>(SCENARIOS, AGGREGATE, Object.class);

    private ScenarioTopics() {
    }
}
