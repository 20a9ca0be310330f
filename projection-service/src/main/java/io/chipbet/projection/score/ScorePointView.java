package io.chipbet.projection.score;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A point of the answer's history: what moved it, and by how much (wafers a month on the median-input path). */
@Schema(name = "FeasibilityPoint")
public record ScorePointView(Instant at, double deliverableWpm, double deliverableDeltaWpm, double fabsDeltaWpm,
                             double capitalDeltaWpm, double talentDeltaWpm, String bindingConstraint, UUID eventId,
                             String eventType, String aggregateType, UUID aggregateId, String description) {

    static ScorePointView of(ScorePoint point) {
        return new ScorePointView(point.at, point.deliverableAfter, point.deliverableDelta, point.fabsDelta, point.capitalDelta,
                point.talentDelta, point.bindingConstraint, point.eventId, point.eventType, point.aggregateType,
                point.aggregateId, point.description);
    }
}
