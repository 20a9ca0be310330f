package io.chipbet.platform.contract.fab;

import io.chipbet.platform.event.EventStream;

/** fab-service's topic; its event types are {@link FabEvent}. The schemas are in {@code schemas/events/fab}. */
public final class FabTopics {

    /** Keyed by fab id; every value is a DomainEvent whose data is a {@link FabState}. */
    public static final String PROJECTS = "chipbet.fabs.projects.v1";

    public static final String AGGREGATE = "fab";

    public static final EventStream<FabState> FABS = new EventStream<>(PROJECTS, AGGREGATE, FabState.class);

    private FabTopics() {
    }
}
