package io.chipbet.projection.score;

import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.projection.Events;
import io.chipbet.projection.ingest.IncomingEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A simulation's cause names what changed since the last one, even when the median-input path did not move. */
class CauseSinceSimulationTest {

    private static final LocalDate PLANNED = LocalDate.of(2029, 12, 31);

    @Test
    void anEventThatMovedOnlyTheDistributionIsNamed() {
        CauseSinceSimulation cause = new CauseSinceSimulation();
        cause.applied(null, List.of(fabEvent("Example fab", FabStatus.CANCELLED, "FabCancelled")));

        assertEquals("-10,000 wpm P50: Example fab cancelled (CANCELLED, production 2029-12-31)", cause.describe("-10,000 wpm P50"));
    }

    @Test
    void theEventThatMovedTheMedianInputPathComesFirst() {
        CauseSinceSimulation cause = new CauseSinceSimulation();
        ScorePoint moved = new ScorePoint();
        moved.deliverableDelta = -7_217;
        moved.description = "-7,217 wpm (-0.14 fabs' worth) deliverable: Example fab delayed (ANNOUNCED, production 2029-12-31)";
        cause.applied(moved, List.of(fabEvent("Example fab", FabStatus.ANNOUNCED, "FabDelayed")));
        cause.applied(null, List.of(fabEvent("Other fab", FabStatus.ANNOUNCED, "FabRevised")));

        assertEquals("-7,217 wpm P50: Example fab delayed (ANNOUNCED, production 2029-12-31)", cause.describe("-7,217 wpm P50"));
    }

    /** Two batches before a simulation: the larger move is named, not the later one. */
    @Test
    void theLargestMoveSinceTheLastSimulationIsNamedNotTheLast() {
        CauseSinceSimulation cause = new CauseSinceSimulation();
        cause.applied(point(-17_014, "Large fab cancelled"), List.of(fabEvent("Large fab", FabStatus.CANCELLED, "FabCancelled")));
        cause.applied(point(+120, "Small fab revised"), List.of(fabEvent("Small fab", FabStatus.ANNOUNCED, "FabRevised")));

        assertEquals("-16,894 wpm P50: Large fab cancelled", cause.describe("-16,894 wpm P50"));
    }

    private static ScorePoint point(double deliverableDelta, String subject) {
        ScorePoint point = new ScorePoint();
        point.deliverableDelta = deliverableDelta;
        point.description = String.format(java.util.Locale.ROOT, "%+,.0f wpm deliverable: %s", deliverableDelta, subject);
        return point;
    }

    @Test
    void severalUnnamedEventsAreCountedAndAPublishedCauseIsForgotten() {
        CauseSinceSimulation cause = new CauseSinceSimulation();
        cause.applied(null, List.of(fabEvent("First fab", FabStatus.ANNOUNCED, "FabRevised"),
                fabEvent("Second fab", FabStatus.PAUSED, "FabPaused")));
        cause.applied(null, List.of(fabEvent("Third fab", FabStatus.CANCELLED, "FabCancelled")));

        assertEquals("+1.0 pp probability: Third fab cancelled (CANCELLED, production 2029-12-31) and 2 other changes",
                cause.describe("+1.0 pp probability"));
        cause.forget();
        assertEquals("-0.5 pp probability", cause.describe("-0.5 pp probability"), "nothing changed since the last simulation");
    }

    private static IncomingEvent fabEvent(String name, FabStatus status, String type) {
        UUID id = UUID.randomUUID();
        return new IncomingEvent(UUID.randomUUID(), type, "fab", id, 2, Instant.now(), LocalDate.of(2026, 12, 2),
                Events.fab(id, name, status, 30_000, null, PLANNED, null, 2), "{}");
    }
}
