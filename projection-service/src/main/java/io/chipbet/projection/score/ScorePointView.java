package io.chipbet.projection.score;

import java.time.Instant;
import java.util.UUID;

/** A point of the score's history: what moved it, and by how much (in score points, 0-100). */
public record ScorePointView(Instant at, Double score, double scoreDelta, double capitalDelta, double capacityDelta,
                             double talentDelta, String bindingConstraint, UUID eventId, String eventType,
                             String aggregateType, UUID aggregateId, String description) {

    static ScorePointView of(ScorePoint point) {
        return new ScorePointView(point.at, point.scoreAfter, point.scoreDelta, point.capitalDelta, point.capacityDelta,
                point.talentDelta, point.bindingConstraint, point.eventId, point.eventType, point.aggregateType,
                point.aggregateId, point.description);
    }
}
