package io.chipbet.platform.contract.talent;

import io.chipbet.platform.event.EventType;

/** talent-service's event types for training programs (key: the program's id), on {@link TalentTopics#POOLS}. The wire names never change. */
public enum TrainingProgramEvent implements EventType<TrainingProgramState> {

    LAUNCHED("TrainingProgramLaunched", "A training program was recorded (POST /api/v1/training-programs); always version 1: programs are immutable.");

    private final Definition<TrainingProgramState> definition;

    TrainingProgramEvent(String wireName, String description) { definition = new Definition<>(wireName, TalentTopics.PROGRAM_EVENTS, description); }

    @Override
    public Definition<TrainingProgramState> definition() { return definition; }
}
