package io.chipbet.platform.contract.talent;

import io.chipbet.platform.event.EventType;

/** talent-service's event types for talent pools (key: the pool's id), on {@link TalentTopics#POOLS}. The wire names never change. */
public enum TalentPoolEvent implements EventType<TalentPoolState> {

    RECORDED("TalentPoolRecorded", "A talent pool was recorded (POST /api/v1/talent-pools); version 1, changes empty."),
    UPDATED("TalentPoolUpdated", "A pool's figures were updated (POST /api/v1/talent-pools/{id}/updates); changes name each updated figure and sources.");

    private final Definition<TalentPoolState> definition;

    TalentPoolEvent(String wireName, String description) { definition = new Definition<>(wireName, TalentTopics.POOL_EVENTS, description); }

    @Override
    public Definition<TalentPoolState> definition() { return definition; }
}
