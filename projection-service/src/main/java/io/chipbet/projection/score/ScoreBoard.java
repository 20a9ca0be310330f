package io.chipbet.projection.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.contract.score.ScoreTopics;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.fault.FailPoints;
import io.chipbet.platform.outbox.Outbox;
import io.chipbet.projection.ingest.AggregateState;
import io.chipbet.projection.ingest.AggregateStore;
import io.chipbet.projection.ingest.EventParser;
import io.chipbet.projection.ingest.IncomingEvent;
import io.chipbet.projection.model.Assumption;
import io.chipbet.projection.model.Assumptions;
import io.chipbet.projection.model.ModelConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies batches to the projection and serves what they give. Only the ingest path writes, one
 * batch at a time: the states, the score points and the score change commit in one transaction.
 * Readers get immutable snapshots, swapped in after the commit.
 *
 * <p>Memory runs ahead of the database while a batch commits. When a commit fails (or its outcome
 * is unknown), memory is no longer trusted: the next attempt first reloads the committed state, and
 * is refused until that reload succeeds. Otherwise a retry would find the batch "already applied"
 * in memory, write nothing, and the batch would be acknowledged without ever being saved.
 */
@ApplicationScoped
public class ScoreBoard {

    private static final Logger LOG = Logger.getLogger(ScoreBoard.class);

    private final ModelConfig config;
    private final List<Assumption> assumptions;
    private final AggregateStore store;
    private final EventParser parser;
    private final Outbox outbox;
    private final ProjectionState state;
    private final AtomicReference<Feasibility> current = new AtomicReference<>();
    private final AtomicReference<ServedJson> currentJson = new AtomicReference<>();
    private final AtomicReference<InputsView> currentInputs = new AtomicReference<>();
    private final ServedJson assumptionsJson;
    private final ObjectMapper json;
    private final BroadcastProcessor<Feasibility> changes = BroadcastProcessor.create();
    private final AtomicLong processed = new AtomicLong();
    /** False from a failed commit until the committed state is reloaded. Only the ingest path touches it. */
    private volatile boolean memoryCommitted = true;

    public ScoreBoard(ModelConfig config, AggregateStore store, EventParser parser, Outbox outbox, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.assumptions = List.copyOf(Assumptions.of(config));
        this.assumptionsJson = ServedJson.of(json, assumptions);
        this.store = store;
        this.parser = parser;
        this.outbox = outbox;
        this.state = new ProjectionState(config);
        show(Snapshots.feasibility(config, assumptions, state.score(), null, 0, null, 0));
    }

    public Feasibility current() {
        return current.get();
    }

    /** The current score as JSON, written once per change. */
    ServedJson currentJson() {
        return currentJson.get();
    }

    /** The model's assumptions as JSON: fixed at start-up. */
    ServedJson assumptionsJson() {
        return assumptionsJson;
    }

    public InputsView currentInputs() {
        return currentInputs.get();
    }

    /** Events committed so far, applied or recognised as duplicates and stale: what the ingest benchmark counts. */
    public long processed() {
        return processed.get();
    }

    /** The current score at once, then every change. */
    public Multi<Feasibility> stream() {
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(current::get), changes);
    }

    /** Reloads everything from the projection's own database: no topic is read again. */
    public Uni<Void> restore() {
        return Panache.withSession(() -> Uni.createFrom().voidItem().invoke(() -> FailPoints.hit(FailPoints.PROJECTION_RESTORE))
                .chain(store::all).chain(states -> ScoreVersion.of(config.planId()).map(last -> {
            state.clear();
            for (AggregateState stored : states) {
                try {
                    state.restore(stored.aggregateType, stored.aggregateId, stored.version, parser.state(stored.event));
                } catch (Exception e) {
                    LOG.errorf("Stored state of %s %s is unreadable: %s", stored.aggregateType, stored.aggregateId, e.getMessage());
                }
            }
            show(last == null ? Snapshots.feasibility(config, assumptions, state.score(), null, 0, null, 0)
                    : Snapshots.feasibility(config, assumptions, state.score(), last.asOf, last.version, last.cause, last.changes));
            memoryCommitted = true;
            return null;
        })));
    }

    /**
     * Applies a batch, after forgetting everything when a rebuild starts with it. Events not newer
     * than what is held are no-ops; a point is recorded for each event that moves the score, and the
     * batch publishes one score change, whose cause is the event that moved it most.
     */
    public Uni<Void> apply(List<IncomingEvent> batch, boolean resetFirst) {
        // Deferred: a retry after a failed commit starts again from the restored (or reset) state.
        return Uni.createFrom().deferred(() -> {
            Uni<Void> committedState = memoryCommitted ? Uni.createFrom().voidItem() : restore();
            return committedState.chain(() -> resetFirst ? reset().chain(() -> applyNow(batch)) : applyNow(batch));
        });
    }

    private Uni<Void> applyNow(List<IncomingEvent> batch) {
        Feasibility before = current.get();
        memoryCommitted = false; // memory changes now; it is trusted again once the commit succeeds
        ProjectionState.Applied applied = state.apply(batch);
        if (applied.latest().isEmpty()) {
            memoryCommitted = true; // nothing was newer than what is held: memory did not change
            processed.addAndGet(batch.size());
            return Uni.createFrom().voidItem();
        }
        Instant asOf = batch.get(batch.size() - 1).occurredAt();
        Feasibility after = applied.points().isEmpty()
                ? Snapshots.feasibility(config, assumptions, applied.score(), asOf, before.version(), before.cause(), before.changes())
                : Snapshots.feasibility(config, assumptions, applied.score(), asOf, before.version() + 1,
                Attribution.largest(applied.points()).description, applied.points().size());
        return Panache.withTransaction(() -> store.upsert(applied.latest())
                        .chain(() -> ScorePoints.insertAll(applied.points()))
                        .chain(() -> applied.points().isEmpty() ? Uni.createFrom().voidItem() : publish(after))
                        .invoke(() -> FailPoints.hit(FailPoints.PROJECTION_COMMIT)))
                .invoke(() -> {
                    memoryCommitted = true;
                    processed.addAndGet(batch.size());
                    show(after);
                    if (!applied.points().isEmpty()) {
                        changes.onNext(after);
                    }
                })
                .onFailure().invoke(failure ->
                        LOG.warnf("Batch not applied (%s); the committed state is reloaded before it is tried again", failure.getMessage()));
    }

    /** Forgets states and points, but not the score's version: it keeps growing across rebuilds. */
    private Uni<Void> reset() {
        return Panache.withTransaction(() -> store.deleteAll().chain(ScorePoints::deleteAll))
                .invoke(() -> {
                    state.clear();
                    Feasibility before = current.get();
                    show(Snapshots.feasibility(config, assumptions, state.score(), null, before.version(), null, 0));
                });
    }

    private Uni<Void> publish(Feasibility change) {
        return ScoreVersion.save(change).chain(() -> outbox.append(ScoreTopics.SCORES, DomainEvent.of(ScoreTopics.FEASIBILITY_CHANGED,
                ScoreTopics.AGGREGATE, config.planId(), change.version(), "projection-service", List.of(), change)));
    }

    private void show(Feasibility feasibility) {
        currentJson.set(ServedJson.of(json, feasibility));
        current.set(feasibility);
        currentInputs.set(Snapshots.inputs(config, state.inputs()));
    }
}
