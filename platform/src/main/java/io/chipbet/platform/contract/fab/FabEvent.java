package io.chipbet.platform.contract.fab;

import io.chipbet.platform.event.EventType;

/** fab-service's event types, on {@link FabTopics#PROJECTS}. The wire names never change. */
public enum FabEvent implements EventType<FabState> {

    ANNOUNCED("FabAnnounced", "A fab project was announced (POST /api/v1/fabs); version 1, changes empty."),
    MILESTONE_REACHED("FabMilestoneReached", "A stage was reached on a date, or a paused fab resumed; "
            + "changes name status, and constructionStartOn or actualProductionDate with slipMonths."),
    DELAYED("FabDelayed", "The planned production date moved later (POST /api/v1/fabs/{id}/delays); "
            + "changes name plannedProductionDate, slipMonths and sources."),
    REVISED("FabRevised", "Capacity, capex or headcounts were revised (POST /api/v1/fabs/{id}/revisions); "
            + "changes name each revised figure and sources."),
    PAUSED("FabPaused", "The fab was paused; changes name status and pausedFrom."),
    CANCELLED("FabCancelled", "The fab was cancelled, which is final; changes name status.");

    private final Definition<FabState> definition;

    FabEvent(String wireName, String description) { definition = new Definition<>(wireName, FabTopics.FABS, description); }

    @Override
    public Definition<FabState> definition() { return definition; }
}
