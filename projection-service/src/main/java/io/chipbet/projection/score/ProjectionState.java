package io.chipbet.projection.score;

import io.chipbet.projection.ingest.IncomingEvent;
import io.chipbet.projection.model.Inputs;
import io.chipbet.projection.model.LiveModel;
import io.chipbet.projection.model.ModelConfig;
import io.chipbet.projection.model.Score;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the projection holds in memory: the version applied per aggregate and the live model. Owned
 * by the ingest path, one batch at a time; nothing here touches the database.
 */
final class ProjectionState {

    private final LiveModel model;
    private final Map<AggregateKey, Long> versions = new HashMap<>();

    ProjectionState(ModelConfig config) {
        this.model = new LiveModel(config);
    }

    /** What a batch changed: the newest event per aggregate to store, and a point per event that moved the score. */
    record Applied(Collection<IncomingEvent> latest, List<ScorePoint> points, Score score) {
    }

    /**
     * Applies the events newer than what is held, in order, and scores after each: a duplicate, a
     * replay or a stale event is a no-op. The caller persists the result, or restores on failure.
     */
    Applied apply(List<IncomingEvent> batch) {
        Map<AggregateKey, IncomingEvent> latest = new LinkedHashMap<>();
        List<ScorePoint> points = new ArrayList<>();
        Score score = model.score();
        for (IncomingEvent event : batch) {
            AggregateKey key = new AggregateKey(event.aggregateType(), event.aggregateId());
            if (event.aggregateVersion() <= versions.getOrDefault(key, 0L)) {
                continue;
            }
            versions.put(key, event.aggregateVersion());
            latest.put(key, event);
            model.put(event.state());
            Score after = model.score();
            if (Attribution.moved(score, after)) {
                points.add(Attribution.point(event, score, after));
            }
            score = after;
        }
        return new Applied(latest.values(), points, score);
    }

    /** Puts back one stored aggregate, as restored from the database. */
    void restore(String aggregateType, UUID aggregateId, long version, Object state) {
        versions.put(new AggregateKey(aggregateType, aggregateId), version);
        model.put(state);
    }

    void clear() {
        versions.clear();
        model.clear();
    }

    Score score() {
        return model.score();
    }

    Inputs inputs() {
        return model.inputs();
    }

    private record AggregateKey(String type, UUID id) {
    }
}
