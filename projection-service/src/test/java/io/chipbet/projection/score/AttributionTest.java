package io.chipbet.projection.score;

import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.projection.Events;
import io.chipbet.projection.ingest.IncomingEvent;
import io.chipbet.projection.model.Coverage;
import io.chipbet.projection.model.Inputs;
import io.chipbet.projection.model.Model;
import io.chipbet.projection.model.Score;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The words a reader sees for each change: which coverage moved, by how many points, and why. */
class AttributionTest {

    private static final Inputs.Counts COUNTS = new Inputs.Counts(1, 1, 1, 0, 0);

    @Test
    void namesTheCoverageThatMovedAndByHowManyPoints() {
        UUID id = UUID.randomUUID();
        IncomingEvent event = event("CommitmentStatusChanged", Events.commitment(id, "SoftBank Group", "100", Purpose.FABS,
                CommitmentStatus.DISBURSED, "100", 2));
        // Capital from 10 % to 20 % of the target: +10.00 points.
        ScorePoint point = Attribution.point(event, score(0.1, 0.5, 0.5), score(0.2, 0.5, 0.5));
        assertEquals("+10.00 capital: SoftBank Group commitment status changed (DISBURSED, FABS)", point.description);
        assertEquals(10.0, point.scoreDelta, 1e-9);
    }

    @Test
    void aCoverageJudgedForTheFirstTimeIsNamedEvenWhenNoCappedFigureMoved() {
        UUID id = UUID.randomUUID();
        IncomingEvent event = event("FabAnnounced", Events.fab(id, "Fab 21", FabStatus.ANNOUNCED, 100, 50,
                LocalDate.of(2031, 1, 1), null, 1));
        // The fab reports staffing, so talent demand exists now: talent goes from "no data" to 0 %.
        ScorePoint point = Attribution.point(event, score(0.1, 0.0, null), score(0.1, 0.0, 0.0));
        assertEquals("+0.00 talent: Fab 21 announced (ANNOUNCED)", point.description);
    }

    @Test
    void theCauseOfABatchIsTheEventThatMovedTheScoreMost() {
        UUID small = UUID.randomUUID();
        UUID large = UUID.randomUUID();
        ScorePoint first = Attribution.point(event("CommitmentRecorded", Events.commitment(small, "Small", "1", Purpose.FABS,
                CommitmentStatus.PLEDGED, "0", 1)), score(0.10, 0.5, 0.5), score(0.11, 0.5, 0.5));
        ScorePoint second = Attribution.point(event("CommitmentRecorded", Events.commitment(large, "Large", "1", Purpose.FABS,
                CommitmentStatus.PLEDGED, "0", 1)), score(0.11, 0.5, 0.5), score(0.30, 0.5, 0.5));
        assertEquals(large, Attribution.largest(List.of(first, second)).aggregateId);
    }

    private static Score score(Double capital, Double capacity, Double talent) {
        return Model.score(coverage("capital", capital), coverage("capacity", capacity), coverage("talent", talent), COUNTS);
    }

    private static Coverage coverage(String name, Double ratio) {
        return new Coverage(name, ratio, ratio == null ? null : Math.min(1, ratio), ratio == null ? 0 : ratio, ratio == null ? 0 : 1, "x");
    }

    private static IncomingEvent event(String type, Object state) {
        UUID id = state instanceof io.chipbet.platform.contract.funding.CommitmentState c ? c.id()
                : ((io.chipbet.platform.contract.fab.FabState) state).id();
        String aggregateType = state instanceof io.chipbet.platform.contract.funding.CommitmentState ? "commitment" : "fab";
        return new IncomingEvent(UUID.randomUUID(), type, aggregateType, id, 1, Instant.now(), state, "{}");
    }
}
