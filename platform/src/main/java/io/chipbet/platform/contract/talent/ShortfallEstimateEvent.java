package io.chipbet.platform.contract.talent;

import io.chipbet.platform.event.EventType;

/** talent-service's event types for shortfall estimates (key: the estimate's id), on {@link TalentTopics#POOLS}. The wire names never change. */
public enum ShortfallEstimateEvent implements EventType<ShortfallEstimateState> {

    PUBLISHED("ShortfallEstimatePublished", "A published shortfall estimate was recorded (POST /api/v1/shortfall-estimates); always version 1: estimates are kept as published.");

    private final Definition<ShortfallEstimateState> definition;

    ShortfallEstimateEvent(String wireName, String description) { definition = new Definition<>(wireName, TalentTopics.ESTIMATE_EVENTS, description); }

    @Override
    public Definition<ShortfallEstimateState> definition() { return definition; }
}
