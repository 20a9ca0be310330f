package io.chipbet.projection.score;

import io.chipbet.projection.ingest.IncomingEvent;
import io.chipbet.projection.model.FeasibilityModel;
import io.chipbet.projection.model.Point;
import io.chipbet.projection.model.Prepared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the projection holds in memory: the version applied per aggregate and the model. Owned by the
 * ingest path, one batch at a time; nothing here touches the database.
 */
final class ProjectionState {

    private final FeasibilityModel model;
    private final Map<AggregateKey, Long> versions = new HashMap<>();
    /** Grows with every applied event: which record a simulation saw. */
    private long inputsVersion;

    ProjectionState(FeasibilityModel model) {
        this.model = model;
    }

    /** What a batch changed: the newest event per aggregate to store, a point per event that moved the answer, and the answer after it. */
    record Applied(Collection<IncomingEvent> latest, List<IncomingEvent> all, List<ScorePoint> points, Point point) {
    }

    /**
     * Applies the events newer than what is held, in order, and evaluates the median-input path after
     * each: a duplicate, a replay or a stale event is a no-op. The caller persists the result, or
     * restores on failure.
     */
    Applied apply(List<IncomingEvent> batch, LocalDate asOf) {
        Map<AggregateKey, IncomingEvent> latest = new LinkedHashMap<>();
        List<IncomingEvent> all = new ArrayList<>();
        List<ScorePoint> points = new ArrayList<>();
        Point point = point(asOf);
        for (IncomingEvent event : batch) {
            AggregateKey key = new AggregateKey(event.aggregateType(), event.aggregateId());
            if (event.aggregateVersion() <= versions.getOrDefault(key, 0L)) {
                continue;
            }
            versions.put(key, event.aggregateVersion());
            latest.put(key, event);
            all.add(event);
            model.put(event.state());
            inputsVersion++;
            Point after = point(asOf);
            if (after.differsFrom(point)) {
                points.add(Attribution.point(event, point, after, model.plan().nameplateWpm()));
            }
            point = after;
        }
        return new Applied(latest.values(), all, points, point);
    }

    /** Puts back one stored aggregate, as restored from the database. */
    void restore(String aggregateType, UUID aggregateId, long version, Object state) {
        versions.put(new AggregateKey(aggregateType, aggregateId), version);
        model.put(state);
        inputsVersion++;
    }

    void clear() {
        versions.clear();
        model.clear();
        inputsVersion++;
    }

    Point point(LocalDate asOf) {
        return FeasibilityModel.central(model.prepare(asOf, false));
    }

    /** A copy for the simulation thread. */
    Prepared prepared(LocalDate asOf) {
        return model.prepare(asOf, true);
    }

    long inputsVersion() {
        return inputsVersion;
    }

    FeasibilityModel model() {
        return model;
    }

    private record AggregateKey(String type, UUID id) {
    }
}
