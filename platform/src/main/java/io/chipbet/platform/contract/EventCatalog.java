package io.chipbet.platform.contract;

import io.chipbet.platform.contract.fab.FabEvent;
import io.chipbet.platform.contract.funding.CommitmentEvent;
import io.chipbet.platform.contract.score.FeasibilityEvent;
import io.chipbet.platform.contract.score.ScoreTopics;
import io.chipbet.platform.contract.talent.ShortfallEstimateEvent;
import io.chipbet.platform.contract.talent.TalentPoolEvent;
import io.chipbet.platform.contract.talent.TrainingProgramEvent;
import io.chipbet.platform.event.EventType;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every event type chipbet publishes, and every topic: what the generated schemas and the AsyncAPI
 * document (under {@code schemas/}) are made from. A new event type is a new constant in its
 * producer's enum; a new enum is listed here.
 */
public final class EventCatalog {

    /** Every event type, producer by producer. */
    public static final List<EventType<?>> TYPES = Stream.<EventType<?>[]>of(
                    CommitmentEvent.values(), FabEvent.values(),
                    TalentPoolEvent.values(), TrainingProgramEvent.values(), ShortfallEstimateEvent.values(),
                    FeasibilityEvent.values())
            .flatMap(Stream::of).toList();

    /** The topic that carries copies of unusable records, not events of its own. */
    public static final String DEAD_LETTERS = ScoreTopics.DEAD_LETTERS;

    private EventCatalog() {
    }

    /** Every topic with events, in the order of {@link #TYPES}. */
    public static List<String> eventTopics() {
        return TYPES.stream().map(type -> type.stream().topic()).distinct().toList();
    }
}
