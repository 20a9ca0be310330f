package io.chipbet.projection.scenario;

import io.chipbet.platform.contract.score.FeasibilityEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.contract.score.ScenarioTopics;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.outbox.Outbox;
import io.chipbet.projection.leadership.Leadership;
import io.chipbet.projection.model.ModelConfig;
import io.chipbet.projection.model.ModelConfigs;
import io.chipbet.projection.score.Answers;
import io.chipbet.projection.score.Feasibility;
import io.chipbet.projection.score.RecordEvaluated;
import io.chipbet.projection.score.ScoreBoard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps every scenario's answer live. Each time the baseline's simulation of a record is done, every
 * scenario is evaluated on that record, on one thread of its own (off the ingest path, after the
 * baseline, coalesced: a burst of records evaluates the newest once). An answer whose probability or P50
 * moved is published on {@link ScenarioTopics#SCENARIOS} through the outbox and on its stream.
 */
@ApplicationScoped
public class ScenarioEvaluations {

    private static final Logger LOG = Logger.getLogger(ScenarioEvaluations.class);

    /** One scenario as last read from its row: what to evaluate. */
    record Entry(UUID id, String name, long revision, String source, ScenarioSpec spec, ModelConfig config) {
    }

    private final ObjectMapper json;
    private final ScoreBoard board;
    private final Outbox outbox;
    private final ScenarioRepository scenarios;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final Map<UUID, ScenarioAnswer> answers = new ConcurrentHashMap<>();
    private final Set<UUID> dirty = ConcurrentHashMap.newKeySet();
    /** Stored scenarios this replica cannot read or evaluate: the revision skipped, and why. */
    private final Map<UUID, Skipped> unreadable = new ConcurrentHashMap<>();
    /** The next pass on the worker, if one is scheduled: a request for an earlier pass moves it. Guarded by passLock. */
    private java.util.concurrent.ScheduledFuture<?> nextPass;
    private final Object passLock = new Object();
    private final BroadcastProcessor<ScenarioAnswer> changes = BroadcastProcessor.create();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chipbet-scenarios");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RecordEvaluated latest;
    /** When the newest record came (System.nanoTime), and when the last pass began. */
    private volatile long latestAt;
    private long lastPassAt = System.nanoTime();
    /** A record came since the scenarios were last read from their table. */
    private final AtomicBoolean rereadStored = new AtomicBoolean();
    /**
     * How long after a failed read of that table (the database away) the next is tried: the quiet period, doubling
     * up to the maximum staleness, as the ingest retries; 0 after a read that worked. On the worker only.
     */
    private long rereadRetryMillis;
    /** No read of that table before this (System.nanoTime), while it is retried; passes run meanwhile. On the worker only. */
    private long noRereadBefore = System.nanoTime();

    private final Leadership leadership;
    private final ScenarioConfig config;

    public ScenarioEvaluations(ObjectMapper json, ScoreBoard board, Outbox outbox, ScenarioRepository scenarios, Leadership leadership,
                               ScenarioConfig config) {
        this.leadership = leadership;
        this.config = config;
        this.json = json;
        this.board = board;
        this.outbox = outbox;
        this.scenarios = scenarios;
    }

    void load(@Observes StartupEvent startup) throws Throwable {
        List<Scenario> stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(scenarios::ordered));
        for (Scenario scenario : stored) {
            readable(scenario).ifPresent(entry -> entries.put(scenario.id, entry));
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdownNow();
    }

    void recordEvaluated(@ObservesAsync RecordEvaluated record) {
        latest = record;
        latestAt = System.nanoTime();
        rereadStored.set(true);
        schedule(config.quietPeriod().toMillis());
    }

    /** Scenarios written through another replica are picked up here, once a pass; all are evaluated again. */
    private void rereadStored() throws Throwable {
        List<Scenario> stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(scenarios::ordered));
        java.util.Set<UUID> present = new java.util.HashSet<>();
        for (Scenario scenario : stored) {
            present.add(scenario.id);
            Entry known = entries.get(scenario.id);
            if (known == null || known.revision() != scenario.revision) {
                readable(scenario).ifPresentOrElse(entry -> entries.put(scenario.id, entry), () -> entries.remove(scenario.id));
            }
        }
        entries.keySet().retainAll(present);
        unreadable.keySet().retainAll(present);
        dirty.addAll(entries.keySet());
    }

    /** A scenario was created or revised (its row is committed): evaluate it again. */
    void changed(Scenario scenario) {
        entries.put(scenario.id, entry(scenario));
        answers.remove(scenario.id);
        dirty.add(scenario.id);
        schedule(0);
    }

    void removed(UUID id) {
        entries.remove(id);
        answers.remove(id);
        dirty.remove(id);
        unreadable.remove(id);
    }

    /**
     * The entry a scenario is evaluated from. One not held yet (written through another replica since the last
     * re-read, which follows the next record) is read from its row now; if it can be evaluated, the next pass re-reads
     * them all and holds it. One that cannot is not held, so each ask reads its row again (one lookup by key): a
     * revision another replica made readable, or its deletion, shows at once. Blocks: call it on a worker thread.
     */
    Optional<Entry> entry(UUID id) {
        Optional<Entry> held = held(id);
        if (held.isPresent()) {
            return held;
        }
        Scenario stored;
        try {
            stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> scenarios.findById(id)));
        } catch (Throwable failure) {
            throw new IllegalStateException("Scenario " + id + " could not be read: " + failure.getMessage(), failure);
        }
        if (stored == null) {
            unreadable.remove(id);
            return Optional.empty();
        }
        Optional<Entry> found = readable(stored);
        if (found.isPresent()) {
            // Only then: asking for an unreadable one must not make every pass re-read and re-evaluate all scenarios.
            rereadStored.set(true);
            schedule(0);
        }
        return found;
    }

    /** The entry held in memory, as the last re-read (or this replica's own write) left it; never reads the table. */
    Optional<Entry> held(UUID id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Why this replica does not evaluate a stored scenario at this revision (see {@link #readable}), if it does not. */
    Optional<String> unreadableBecause(UUID id, long revision) {
        Skipped skipped = unreadable.get(id);
        return skipped != null && skipped.revision() == revision ? Optional.of(skipped.reason()) : Optional.empty();
    }

    /** Stored, but skipped because this replica cannot read or evaluate it. */
    Optional<String> unreadableBecause(UUID id) {
        return Optional.ofNullable(unreadable.get(id)).map(Skipped::reason);
    }

    /** The scenario's answer on the latest record: the one kept, or evaluated now if none is. Blocks, as {@link #entry}. */
    Optional<ScenarioAnswer> answer(UUID id) {
        Entry entry = entry(id).orElse(null);
        RecordEvaluated record = latest;
        if (entry == null) {
            return Optional.empty();
        }
        ScenarioAnswer kept = answers.get(id);
        if (kept != null && kept.revision() == entry.revision() && (record == null || kept.inputsVersion() == record.inputsVersion())) {
            return Optional.of(kept);
        }
        return Optional.of(evaluate(entry, record == null ? baselineRecord() : record));
    }

    /** The record scenarios are answered on, and the baseline's answer for it. */
    RecordEvaluated latestRecord() {
        RecordEvaluated record = latest;
        return record == null ? baselineRecord() : record;
    }

    Multi<ScenarioAnswer> stream(UUID id) {
        return changes.filter(answer -> answer.id().equals(id));
    }

    /** Every answer that moved (or is new), of every scenario, as {@link #stream} has them one by one. */
    public Multi<ScenarioAnswer> changes() {
        return changes;
    }

    ScenarioAnswer evaluate(Entry entry, RecordEvaluated record) {
        List<Object> states = record.states();
        List<ScenarioChange> scenarioChanges = entry.spec().changesOrNone();
        for (int i = 0; i < scenarioChanges.size(); i++) {
            states = scenarioChanges.get(i).apply(states, entry.id(), i);
        }
        Feasibility feasibility = Answers.evaluate(entry.config(), states, record.evaluatedOn());
        ScenarioAnswer kept = answers.get(entry.id());
        return new ScenarioAnswer(entry.id(), entry.name(), entry.revision(), entry.source(), kept == null ? 0 : kept.resultVersion(),
                feasibility, ScenarioAnswer.difference(feasibility, record.baseline()), record.baseline().version(), record.inputsVersion(),
                Instant.now());
    }

    private RecordEvaluated baselineRecord() {
        Feasibility baseline = board.current();
        return new RecordEvaluated(List.of(), -1, baseline.evaluatedOn(), baseline);
    }

    private void schedule(long delayMillis) {
        synchronized (passLock) {
            if (nextPass != null && !nextPass.isDone() && nextPass.getDelay(TimeUnit.MILLISECONDS) <= delayMillis) {
                return; // one at least as soon is scheduled
            }
            if (nextPass != null) {
                nextPass.cancel(false);
            }
            try {
                nextPass = worker.schedule(this::evaluateDirty, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                nextPass = null;
            }
        }
    }

    /**
     * On the worker: every scenario marked dirty, on the newest record, then again if more came meanwhile. While
     * records keep coming (within the quiet period), it waits, up to the maximum staleness.
     */
    private void evaluateDirty() {
        synchronized (passLock) {
            nextPass = null; // this pass runs: a request from now on schedules another
        }
        long now = System.nanoTime();
        long sinceRecord = now - latestAt;
        long quiet = config.quietPeriod().toNanos();
        if (sinceRecord < quiet && now - lastPassAt < config.maxStaleness().toNanos()) {
            schedule(TimeUnit.NANOSECONDS.toMillis(quiet - sinceRecord) + 1);
            return;
        }
        lastPassAt = now;
        RecordEvaluated record = latest;
        if (record == null) {
            return;
        }
        if (now - noRereadBefore >= 0 && rereadStored.getAndSet(false)) {
            try {
                rereadStored();
                rereadRetryMillis = 0;
            } catch (Throwable failure) {
                rereadStored.set(true);
                rereadRetryMillis = rereadRetryMillis == 0 ? config.quietPeriod().toMillis()
                        : Math.min(2 * rereadRetryMillis, config.maxStaleness().toMillis());
                noRereadBefore = now + TimeUnit.MILLISECONDS.toNanos(rereadRetryMillis);
                LOG.warnf("Scenarios not read (%s); they are read again in %d ms", failure.getMessage(), rereadRetryMillis);
            }
        }
        for (UUID id : List.copyOf(dirty)) {
            dirty.remove(id);
            Entry entry = entries.get(id);
            if (entry == null) {
                continue;
            }
            try {
                publishIfMoved(evaluate(entry, record));
            } catch (Throwable failure) {
                LOG.warnf("Scenario %s not evaluated (%s); it is tried again with the next record", id, failure.getMessage());
            }
        }
        if (!dirty.isEmpty()) {
            schedule(0);
        } else if (rereadStored.get()) {
            schedule(Math.max(0, TimeUnit.NANOSECONDS.toMillis(noRereadBefore - System.nanoTime())) + 1);
        }
    }

    private void publishIfMoved(ScenarioAnswer answer) throws Throwable {
        ScenarioAnswer previous = answers.get(answer.id());
        boolean moved = previous == null || previous.revision() != answer.revision()
                || !java.util.Objects.equals(previous.feasibility().probability(), answer.feasibility().probability())
                || previous.feasibility().deliverable() == null || answer.feasibility().deliverable() == null
                || previous.feasibility().deliverable().wpm().p50() != answer.feasibility().deliverable().wpm().p50();
        if (!moved || !leadership.isLeader()) {
            // Unmoved, or on a follower: kept and served, published by the leader only.
            answers.put(answer.id(), previous == null ? answer : answer.withResultVersion(previous.resultVersion()));
            if (previous == null || moved) {
                changes.onNext(answers.get(answer.id()));
            }
            return;
        }
        ScenarioAnswer published = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> leadership.fence()
                .chain(() -> scenarios.lock(answer.id()))
                .chain(row -> {
                    if (row == null) {
                        return io.smallrye.mutiny.Uni.createFrom().nullItem(); // deleted meanwhile
                    }
                    ScenarioAnswer versioned = answer.withResultVersion(row.nextResult());
                    return outbox.append(FeasibilityEvent.SCENARIO_EVALUATED.stream().topic(), DomainEvent.of(FeasibilityEvent.SCENARIO_EVALUATED,
                            answer.id(), versioned.resultVersion(), "projection-service", List.of(), versioned)).replaceWith(versioned);
                })));
        if (published != null && entries.containsKey(answer.id())) {
            answers.put(answer.id(), published);
            changes.onNext(published);
        }
    }

    /** A stored scenario's revision that is not evaluated here, and why. */
    private record Skipped(long revision, String reason) {
    }

    /**
     * The stored scenario's entry, or none if this replica cannot read or evaluate it: a newer version wrote its
     * spec (during a rollout or after a rollback), or its overrides no longer fit this configuration (a plan since
     * removed). It is skipped, and the others are still read and answered. Logged once a revision.
     */
    private Optional<Entry> readable(Scenario scenario) {
        try {
            Entry entry = entry(scenario);
            unreadable.remove(scenario.id);
            return Optional.of(entry);
        } catch (RuntimeException failure) {
            String reason = failure instanceof ScenarioSpecs.Unreadable
                    ? "stored by a newer version of chipbet: " + failure.getMessage()
                    : "its overrides do not fit this replica's configuration: " + failure.getMessage();
            Skipped before = unreadable.put(scenario.id, new Skipped(scenario.revision, reason));
            if (before == null || before.revision() != scenario.revision) {
                LOG.warnf("Scenario %s (revision %d) is not answered here: %s", scenario.id, scenario.revision, reason);
            }
            return Optional.empty();
        }
    }

    private Entry entry(Scenario scenario) {
        ScenarioSpec spec = ScenarioSpecs.read(json, scenario.spec);
        ModelConfig config = ModelConfigs.withOverrides(spec.overrides() == null ? Map.of("chipbet.model.plan", board.config().plan())
                : spec.overrides().toConfig(board.config().plan(), spec.name()));
        io.chipbet.projection.model.PlanTerms.of(config, config.plan()); // a plan since removed fails here, not in every evaluation
        return new Entry(scenario.id, scenario.name, scenario.revision, scenario.source, spec, config);
    }
}
