package io.chipbet.projection.score;

import io.chipbet.platform.contract.score.ScoreTopics;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.outbox.Outbox;
import io.chipbet.projection.ingest.AggregateStore;
import io.chipbet.projection.ingest.AggregateState;
import io.chipbet.projection.ingest.EventParser;
import io.chipbet.projection.ingest.IncomingEvent;
import io.chipbet.projection.model.Inputs;
import io.chipbet.projection.model.Model;
import io.chipbet.projection.model.ModelConfig;
import io.chipbet.projection.model.Score;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The projection's state: the latest state of every aggregate, the versions applied, and the score
 * they give. Only the ingest path changes it, one batch at a time; readers get immutable snapshots.
 */
@ApplicationScoped
public class ScoreBoard {

    private static final Logger LOG = Logger.getLogger(ScoreBoard.class);

    private final ModelConfig config;
    private final AggregateStore store;
    private final EventParser parser;
    private final Outbox outbox;
    private final Inputs inputs = new Inputs();
    private final Map<String, Long> versions = new HashMap<>();
    private final AtomicReference<Feasibility> current = new AtomicReference<>();
    private final AtomicReference<InputsView> currentInputs = new AtomicReference<>();
    private final BroadcastProcessor<Feasibility> changes = BroadcastProcessor.create();
    private final java.util.concurrent.atomic.AtomicBoolean resetRequested = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong processed = new java.util.concurrent.atomic.AtomicLong();
    private Score lastScore;
    private long version;

    public ScoreBoard(ModelConfig config, AggregateStore store, EventParser parser, Outbox outbox) {
        this.config = config;
        this.store = store;
        this.parser = parser;
        this.outbox = outbox;
        publish(Model.evaluate(config, inputs), null, 0, null);
    }

    public Feasibility current() {
        return current.get();
    }

    /** Events committed so far, applied or recognised as duplicates and stale: what the ingest benchmark counts. */
    public long processed() {
        return processed.get();
    }

    public InputsView currentInputs() {
        return currentInputs.get();
    }

    /** The current score at once, then every change. */
    public Multi<Feasibility> stream() {
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(current::get), changes);
    }

    /** Reloads everything from the projection's own database: no topic is read again. */
    public Uni<Void> restore() {
        return Panache.withSession(() -> store.all().chain(states -> ScorePoints.latest().map(latest -> {
            inputs.clear();
            versions.clear();
            for (AggregateState state : states) {
                try {
                    inputs.put(parser.state(state.aggregateType, state.data));
                    versions.put(key(state.aggregateType, state.aggregateId.toString()), state.version);
                } catch (Exception e) {
                    LOG.errorf("Stored state of %s %s is unreadable: %s", state.aggregateType, state.aggregateId, e.getMessage());
                }
            }
            Score score = Model.evaluate(config, inputs);
            publish(score, latest == null ? null : latest.point().at, latest == null ? 0 : latest.count(),
                    latest == null ? null : latest.point().description);
            return null;
        }))).replaceWithVoid();
    }

    /**
     * Applies a batch: skips what is not newer than what it holds, records a point for each event
     * that moves the score, and commits states, points and score events in one transaction.
     */
    public Uni<Void> apply(List<IncomingEvent> batch) {
        // Deferred: a retry after a failed commit starts again from the restored state.
        return Uni.createFrom().deferred(() -> applyNow(batch));
    }

    private Uni<Void> applyNow(List<IncomingEvent> batch) {
        if (resetRequested.getAndSet(false)) {
            return reset().chain(() -> applyNow(batch));
        }
        Map<String, IncomingEvent> latest = new LinkedHashMap<>();
        List<ScorePoint> points = new ArrayList<>();
        List<Feasibility> published = new ArrayList<>();
        Score before = lastScore;
        long nextVersion = version;
        for (IncomingEvent event : batch) {
            String key = key(event.aggregateType(), event.aggregateId().toString());
            long held = latest.containsKey(key) ? latest.get(key).aggregateVersion() : versions.getOrDefault(key, 0L);
            if (event.aggregateVersion() <= held) {
                continue; // a duplicate, a replay or a stale event: a no-op
            }
            latest.put(key, event);
            inputs.put(event.state());
            Score after = Model.evaluate(config, inputs);
            if (Attribution.moved(before, after)) {
                ScorePoint point = Attribution.point(event, before, after);
                points.add(point);
                published.add(Snapshots.feasibility(config, after, event.occurredAt(), ++nextVersion, point.description));
            }
            before = after;
        }
        if (latest.isEmpty()) {
            processed.addAndGet(batch.size());
            return Uni.createFrom().voidItem();
        }
        Score finalScore = before;
        long finalVersion = nextVersion;
        return Panache.withTransaction(() -> store.upsert(latest.values())
                        .chain(() -> Panache.getSession()).chain(session -> session.persistAll(points.toArray()))
                        .chain(() -> appendScoreEvents(published)))
                .invoke(() -> {
                    processed.addAndGet(batch.size());
                    latest.forEach((key, event) -> versions.put(key, event.aggregateVersion()));
                    IncomingEvent last = batch.get(batch.size() - 1);
                    publish(finalScore, last.occurredAt(), finalVersion,
                            published.isEmpty() ? current.get().cause() : published.get(published.size() - 1).cause());
                    published.forEach(changes::onNext);
                })
                .onFailure().call(failure -> {
                    LOG.warnf("Batch not applied (%s); reloading the last committed state", failure.getMessage());
                    return restore();
                });
    }

    /** Asks the ingest path to forget everything before its next batch: for a rebuild from offset 0. */
    public void requestReset() {
        resetRequested.set(true);
    }

    private Uni<Void> reset() {
        return Panache.withTransaction(() -> store.deleteAll().chain(ScorePoints::deleteAll))
                .invoke(() -> {
                    inputs.clear();
                    versions.clear();
                    publish(Model.evaluate(config, inputs), null, 0, null);
                });
    }

    private Uni<Void> appendScoreEvents(List<Feasibility> published) {
        return outbox.appendAll(ScoreTopics.SCORES, published.stream()
                .map(feasibility -> DomainEvent.of(ScoreTopics.FEASIBILITY_CHANGED, ScoreTopics.AGGREGATE, config.planId(),
                        feasibility.version(), "projection-service", List.of(), feasibility))
                .toList());
    }

    private void publish(Score score, Instant asOf, long newVersion, String cause) {
        lastScore = score;
        version = newVersion;
        current.set(Snapshots.feasibility(config, score, asOf, newVersion, cause));
        currentInputs.set(Snapshots.inputs(config, inputs));
    }

    private static String key(String aggregateType, String aggregateId) {
        return aggregateType + ":" + aggregateId;
    }
}
