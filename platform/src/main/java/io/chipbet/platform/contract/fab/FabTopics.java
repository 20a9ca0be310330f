package io.chipbet.platform.contract.fab;

/** fab-service's topic and event types. The schemas are in {@code schemas/events/fab}. */
public final class FabTopics {

    /** Keyed by fab id; every value is a DomainEvent whose data is a {@link FabState}. */
    public static final String PROJECTS = "chipbet.fabs.projects.v1";

    public static final String AGGREGATE = "fab";
    public static final String FAB_ANNOUNCED = "FabAnnounced";
    public static final String FAB_MILESTONE_REACHED = "FabMilestoneReached";
    public static final String FAB_DELAYED = "FabDelayed";
    public static final String FAB_REVISED = "FabRevised";
    public static final String FAB_PAUSED = "FabPaused";
    public static final String FAB_CANCELLED = "FabCancelled";

    private FabTopics() {
    }
}
