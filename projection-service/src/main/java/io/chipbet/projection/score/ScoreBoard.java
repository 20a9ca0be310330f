package io.chipbet.projection.score;

import io.chipbet.platform.contract.score.FeasibilityEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.fault.FailPoints;
import io.chipbet.platform.outbox.Outbox;
import io.chipbet.projection.ingest.AggregateState;
import io.chipbet.projection.ingest.AggregateStore;
import io.chipbet.projection.ingest.EventParser;
import io.chipbet.projection.ingest.IncomingEvent;
import io.chipbet.projection.leadership.Leadership;
import io.chipbet.projection.model.Assumption;
import io.chipbet.projection.model.Assumptions;
import io.chipbet.projection.model.Explanation;
import io.chipbet.projection.model.FeasibilityModel;
import io.chipbet.projection.model.ModelConfig;
import io.chipbet.projection.model.Outlook;
import io.chipbet.projection.model.PlanTerms;
import io.chipbet.projection.model.Point;
import io.chipbet.projection.model.Prepared;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Applies batches to the projection and serves the answer they give. Only the ingest path changes the
 * record, one batch at a time: the states, the points and the answer commit in one transaction, and
 * the median-input path moves at once. The Monte Carlo runs after, on its own thread, coalesced (one
 * running, the newest waiting), and publishes the probability as a further change. Every write of the
 * answer takes one lock, so versions never repeat or skip. Readers get immutable snapshots.
 *
 * <p>Memory runs ahead of the database while a batch commits. When a commit fails (or its outcome is
 * unknown), memory is no longer trusted: the next attempt first reloads the committed state, and is
 * refused until that reload succeeds. Otherwise a retry would find the batch "already applied" in
 * memory, write nothing, and the batch would be acknowledged without ever being saved.
 */
@ApplicationScoped
public class ScoreBoard {

    private static final Logger LOG = Logger.getLogger(ScoreBoard.class);
    private static final String WRITE_LOCK = "chipbet-feasibility-writes";

    private final ModelConfig config;
    private final PlanTerms plan;
    private final List<Assumption> assumptions;
    private final AggregateStore store;
    private final EventParser parser;
    private final Outbox outbox;
    private final Vertx vertx;
    private final Clock clock;
    private final ProjectionState state;
    private final AtomicReference<Feasibility> current = new AtomicReference<>();
    private final AtomicReference<ServedJson> currentJson = new AtomicReference<>();
    private final AtomicReference<Explanation> currentExplanation = new AtomicReference<>();
    private final ServedJson assumptionsJson;
    private final ObjectMapper json;
    private final BroadcastProcessor<Feasibility> changes = BroadcastProcessor.create();
    private final AtomicLong processed = new AtomicLong();
    private final Event<RecordEvaluated> recordEvaluated;
    private final Event<NewsDatesChanged> newsDatesChanged;
    private final Leadership leadership;
    private final io.micrometer.core.instrument.Timer simulationTime;
    private final ExecutorService simulator = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chipbet-simulation");
        thread.setDaemon(true);
        return thread;
    });
    /** The newest record waiting to be simulated; the simulator takes it, so bursts coalesce. */
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    /** False from a failed commit until the committed state is reloaded. Only the ingest path touches it. */
    private volatile boolean memoryCommitted = true;
    /** Written under the lock: the latest ingest-side view, the latest simulation, and what moved the answer since it. */
    private Snapshots.Base base;
    private Snapshots.Evaluated evaluated;
    private final CauseSinceSimulation causeSinceSimulation = new CauseSinceSimulation();
    private Double publishedProbability;
    private Double publishedP50;

    private record Pending(Prepared prepared, long inputsVersion, List<Object> states, LocalDate evaluatedOn) {
    }

    public ScoreBoard(ModelConfig config, AggregateStore store, EventParser parser, Outbox outbox, ObjectMapper json, Vertx vertx,
                      Event<RecordEvaluated> recordEvaluated, Leadership leadership, io.micrometer.core.instrument.MeterRegistry registry,
                      Event<NewsDatesChanged> newsDatesChanged) {
        this.newsDatesChanged = newsDatesChanged;
        this.simulationTime = io.micrometer.core.instrument.Timer.builder("chipbet.simulation.duration")
                .description("Monte Carlo of the baseline, per record").register(registry);
        this.recordEvaluated = recordEvaluated;
        this.leadership = leadership;
        this.config = config;
        this.plan = PlanTerms.of(config, config.plan());
        this.json = json;
        this.assumptions = List.copyOf(Assumptions.of(config, plan));
        this.assumptionsJson = ServedJson.of(json, assumptions);
        this.store = store;
        this.parser = parser;
        this.outbox = outbox;
        this.vertx = vertx;
        this.clock = Clock.systemUTC();
        this.state = new ProjectionState(new FeasibilityModel(config, plan));
        this.base = base(evaluatedOn());
        show(Snapshots.feasibility(config, plan, assumptions, base, null, null, 0, null, 0));
    }

    public Feasibility current() {
        return current.get();
    }

    /** The current answer as JSON, written once per change. */
    ServedJson currentJson() {
        return currentJson.get();
    }

    /** The model's assumptions as JSON: fixed at start-up. */
    ServedJson assumptionsJson() {
        return assumptionsJson;
    }

    /** The plan and model configuration the baseline is answered under. */
    public ModelConfig config() {
        return config;
    }

    public Explanation currentInputs() {
        return currentExplanation.get();
    }

    /** Events committed so far, applied or recognised as duplicates and stale: what the ingest benchmark counts. */
    public long processed() {
        return processed.get();
    }

    /** The current answer at once, then every change. */
    public Multi<Feasibility> stream() {
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(current::get), changes);
    }

    /** Reloads everything from the projection's own database: no topic is read again. */
    public Uni<Void> restore() {
        return serialized(this::restoreNow);
    }

    private Uni<Void> restoreNow() {
        return Panache.withSession(() -> Uni.createFrom().voidItem().invoke(() -> FailPoints.hit(FailPoints.PROJECTION_RESTORE))
                .chain(store::all)
                .chain(states -> ScoreVersion.of(plan.key()).map(last -> {
                    state.clear();
                    for (AggregateState stored : states) {
                        try {
                            state.restore(stored.aggregateType, stored.aggregateId, stored.version, parser.state(stored.event));
                        } catch (Exception e) {
                            LOG.errorf("Stored state of %s %s is unreadable: %s", stored.aggregateType, stored.aggregateId, e.getMessage());
                        }
                    }
                    base = base(evaluatedOn());
                    evaluated = null;
                    publishedProbability = last == null ? null : last.probability;
                    publishedP50 = last == null ? null : last.deliverableP50;
                    show(last == null ? Snapshots.feasibility(config, plan, assumptions, base, null, null, 0, null, 0)
                            : Snapshots.feasibility(config, plan, assumptions, base, null, last.asOf, last.version, last.cause, last.changes));
                    memoryCommitted = true;
                    simulateLater();
                    newsDatesChanged.fireAsync(new NewsDatesChanged(LocalDate.MIN)); // a follower's reload: any date may have moved
                    return null;
                })));
    }

    /**
     * Applies a batch, after forgetting everything when a rebuild starts with it. Events not newer
     * than what is held are no-ops; a point is recorded for each event that moves the answer, and the
     * batch publishes one change, whose cause is the event that moved it most.
     */
    public Uni<Void> apply(List<IncomingEvent> batch, boolean resetFirst) {
        // Deferred: a retry after a failed commit starts again from the restored (or reset) state.
        return serialized(() -> {
            Uni<Void> committedState = memoryCommitted ? Uni.createFrom().voidItem() : restoreNow();
            return committedState.chain(() -> resetFirst ? reset().chain(() -> applyNow(batch)) : applyNow(batch));
        });
    }

    private Uni<Void> applyNow(List<IncomingEvent> batch) {
        Feasibility before = current.get();
        LocalDate evaluatedOn = evaluatedOn();
        memoryCommitted = false; // memory changes now; it is trusted again once the commit succeeds
        ProjectionState.Applied applied = state.apply(batch, evaluatedOn);
        if (applied.latest().isEmpty()) {
            memoryCommitted = true; // nothing was newer than what is held: memory did not change
            processed.addAndGet(batch.size());
            return Uni.createFrom().voidItem();
        }
        // To the microsecond, as PostgreSQL keeps it: a follower reading it back serves the same bytes.
        Instant asOf = batch.get(batch.size() - 1).occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Snapshots.Base after = base(evaluatedOn);
        ScorePoint largest = applied.points().isEmpty() ? null : Attribution.largest(applied.points());
        String cause = largest == null ? before.cause() : largest.description;
        Feasibility next = Snapshots.feasibility(config, plan, assumptions, after, evaluated, asOf,
                applied.points().isEmpty() ? before.version() : before.version() + 1, cause,
                applied.points().isEmpty() ? before.changes() : applied.points().size());
        return Panache.withTransaction(() -> leadership.fence().chain(() -> store.upsert(applied.latest()))
                        .chain(() -> store.appendEvents(applied.all()))
                        .chain(() -> ScorePoints.insertAll(applied.points()))
                        .chain(() -> applied.points().isEmpty() ? Uni.createFrom().voidItem() : publish(next))
                        .invoke(() -> FailPoints.hit(FailPoints.PROJECTION_COMMIT)))
                .invoke(() -> {
                    memoryCommitted = true;
                    processed.addAndGet(batch.size());
                    base = after;
                    causeSinceSimulation.applied(largest, applied.all());
                    show(next);
                    if (!applied.points().isEmpty()) {
                        changes.onNext(next);
                    }
                    simulateLater();
                    newsDatesChanged.fireAsync(new NewsDatesChanged(applied.all().stream().map(IncomingEvent::effectiveOn)
                            .min(java.util.Comparator.naturalOrder()).orElseThrow()));
                })
                .onFailure().invoke(failure ->
                        LOG.warnf("Batch not applied (%s); the committed state is reloaded before it is tried again", failure.getMessage()));
    }

    /**
     * On a follower: reloads the persisted projection when the leader has moved it (the answer's
     * version changed), so every replica serves the leader's answer.
     */
    public Uni<Void> followPersisted() {
        return Panache.withSession(() -> ScoreVersion.of(plan.key())).chain(last -> {
            long persisted = last == null ? 0 : last.version;
            return persisted == current.get().version() ? Uni.createFrom().voidItem() : restore();
        });
    }

    /** Forgets states and points, but not the answer's version: it keeps growing across rebuilds. */
    private Uni<Void> reset() {
        return Panache.withTransaction(() -> leadership.fence().chain(() -> store.deleteAll()).chain(ScorePoints::deleteAll))
                .invoke(() -> {
                    state.clear();
                    Feasibility before = current.get();
                    base = base(evaluatedOn());
                    evaluated = null;
                    show(Snapshots.feasibility(config, plan, assumptions, base, null, null, before.version(), null, 0));
                });
    }

    /** Hands the record as it is now to the simulator; a record already waiting is replaced. */
    private void simulateLater() {
        if (pending.getAndSet(new Pending(state.prepared(base.evaluatedOn()), state.inputsVersion(), state.model().inputs().states(),
                base.evaluatedOn())) == null) {
            try {
                simulator.execute(this::simulate);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                pending.set(null);
            }
        }
    }

    /** On the simulator's thread. */
    private void simulate() {
        Pending next = pending.getAndSet(null);
        if (next == null) {
            return;
        }
        try {
            long started = System.nanoTime();
            Outlook outlook = state.model().simulate(next.prepared());
            simulationTime.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            Snapshots.Evaluated result = new Snapshots.Evaluated(outlook, state.model().sensitivity(next.prepared()), next.inputsVersion());
            VertxContextSupport.subscribeAndAwait(() -> serialized(() -> publishSimulation(result)));
            recordEvaluated.fireAsync(new RecordEvaluated(next.states(), next.inputsVersion(), next.evaluatedOn(), current.get()));
        } catch (Throwable failure) {
            LOG.warnf("Simulation not published (%s); it is tried again with the next change", failure.getMessage());
        }
    }

    private Uni<Void> publishSimulation(Snapshots.Evaluated result) {
        if (evaluated != null && result.inputsVersion() < evaluated.inputsVersion()) {
            return Uni.createFrom().voidItem(); // an older record's simulation, overtaken
        }
        Feasibility before = current.get();
        if (!leadership.isLeader()) {
            // A follower serves the persisted answer: its version and cause are the leader's; it publishes nothing.
            evaluated = result;
            show(Snapshots.feasibility(config, plan, assumptions, base, result, before.asOf(), before.version(), before.cause(), before.changes()));
            return Uni.createFrom().voidItem();
        }
        double probability = result.outlook().probability();
        double p50 = result.outlook().deliverableWpm().p50();
        boolean changed = publishedProbability == null || Math.abs(publishedProbability - probability) > 1e-12
                || publishedP50 == null || Math.abs(publishedP50 - p50) > 1e-9;
        if (!changed) {
            evaluated = result;
            show(Snapshots.feasibility(config, plan, assumptions, base, result, before.asOf(), before.version(), before.cause(), before.changes()));
            return Uni.createFrom().voidItem();
        }
        String moved = before.probability() == null && publishedProbability == null ? "first simulation"
                : Attribution.signed(100 * (probability - (publishedProbability == null ? 0 : publishedProbability)), 1) + " pp probability, "
                + Attribution.wpm(p50 - (publishedP50 == null ? 0 : publishedP50)) + " P50";
        String cause = causeSinceSimulation.describe(moved);
        // No event is folded into this change: it is the same record, simulated.
        Feasibility next = Snapshots.feasibility(config, plan, assumptions, base, result, before.asOf(), before.version() + 1, cause, 0);
        return Panache.withTransaction(() -> leadership.fence().chain(() -> publish(next))).invoke(() -> {
            evaluated = result;
            publishedProbability = probability;
            publishedP50 = p50;
            causeSinceSimulation.forget();
            show(next);
            changes.onNext(next);
        });
    }

    private Uni<Void> publish(Feasibility change) {
        return ScoreVersion.save(change).chain(() -> outbox.append(FeasibilityEvent.FEASIBILITY_CHANGED.stream().topic(), DomainEvent.of(FeasibilityEvent.FEASIBILITY_CHANGED,
                plan.key(), change.version(), "projection-service", List.of(), change)));
    }

    /** Runs one write of the answer at a time, across the ingest path and the simulator. */
    private <T> Uni<T> serialized(Supplier<Uni<T>> work) {
        return Uni.createFrom().completionStage(() -> vertx.sharedData().getLocalLockWithTimeout(WRITE_LOCK, Long.MAX_VALUE).toCompletionStage())
                .chain(lock -> Uni.createFrom().<T>deferred(work::get).eventually(lock::release));
    }

    private Snapshots.Base base(LocalDate evaluatedOn) {
        Prepared live = state.model().prepare(evaluatedOn, false);
        Point central = FeasibilityModel.central(live);
        return new Snapshots.Base(central, state.model().explain(live), state.model().inputs().counts(), state.inputsVersion(), evaluatedOn);
    }

    private LocalDate evaluatedOn() {
        return config.asOf().orElseGet(() -> LocalDate.now(clock));
    }

    private void show(Feasibility feasibility) {
        currentJson.set(ServedJson.of(json, feasibility));
        current.set(feasibility);
        currentExplanation.set(base.explanation());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        simulator.shutdownNow();
    }
}
