package io.chipbet.platform.outbox;

import io.chipbet.platform.event.CloudEventHeaders;
import io.chipbet.platform.fault.FailPoints;
import io.chipbet.platform.persistence.SafeContexts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the outbox to Kafka, in {@code id} order, and marks rows published only once the broker
 * has acknowledged them ({@code acks=all}, idempotent producer). Never runs inside a business
 * transaction, so there is no dual write. If the broker is down, rows stay unpublished and are
 * retried every poll interval.
 *
 * <p><b>Per-aggregate order with any number of relays.</b> Every replica of a service runs a relay. A
 * relay claims whole aggregates, not rows: it takes a transaction-scoped advisory lock per aggregate
 * ({@code pg_try_advisory_xact_lock}) on the aggregates with the oldest unpublished rows, skips those
 * another relay holds, and publishes only the claimed aggregates' rows, in {@code id} order (which
 * is version order: a writer locks its aggregate before it appends). So while one relay has an
 * aggregate's version 1 in flight, no other can send its version 2. (Row locks with SKIP LOCKED
 * alone would let a second relay skip version 1 and send version 2 first.)
 *
 * <p>Woken by a PostgreSQL NOTIFY right after each commit that appended an event, and polled by the
 * scheduler ({@code chipbet.outbox.poll-interval}) for missed notifications and retries.
 *
 * <p>It reads and marks rows through the reactive SQL client, not Hibernate: it needs no entity, and Hibernate
 * Reactive makes (and caches) a new plan for every native select, so a relay running one a batch would fill the
 * query-plan cache that the writes' own queries need (QueryPlanReuseTest).
 */
@ApplicationScoped
public class OutboxRelay {

    /** The SmallRye Kafka channel the relay sends on; each record names its own topic. */
    static final String KAFKA_CHANNEL = "chipbet-outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String POLL_JOB = "chipbet-outbox-poll";
    /**
     * The oldest aggregates with unpublished rows, those this relay could claim, and their unpublished
     * rows in id order. The claim (a lock per aggregate, held until the transaction ends) is taken in a
     * materialized step, once per candidate. A row another relay published since this statement
     * began is skipped by FOR UPDATE, which reads the row's committed version again.
     */
    private static final String NEXT_BATCH = """
            with candidates as (
                select aggregate_type, aggregate_id, min(id) as first_id
                from outbox_event
                where published_at is null
                group by aggregate_type, aggregate_id
                order by first_id
                limit $1
            ), claimed as materialized (
                select aggregate_type, aggregate_id from candidates
                where pg_try_advisory_xact_lock(hashtextextended('chipbet-outbox:' || aggregate_type || ':' || aggregate_id, 0))
            )
            select o.* from outbox_event o
            join claimed c on c.aggregate_type = o.aggregate_type and c.aggregate_id = o.aggregate_id
            where o.published_at is null
            order by o.id
            limit $1
            for update of o""";
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = $1 where id = any($2)";

    private final Pool database;
    private final MutinyEmitter<String> emitter;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final OutboxNotifications notifications;
    private final Scheduler scheduler;
    private final Counter published;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();

    public OutboxRelay(Pool database, @Channel(KAFKA_CHANNEL) MutinyEmitter<String> emitter, Vertx vertx,
                       OutboxConfig config, OutboxNotifications notifications, Scheduler scheduler, MeterRegistry registry) {
        this.database = database;
        this.emitter = emitter;
        this.vertx = vertx;
        this.config = config;
        this.notifications = notifications;
        this.scheduler = scheduler;
        this.published = Counter.builder("chipbet.outbox.published")
                .description("Outbox events acknowledged by Kafka").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            return;
        }
        notifications.listen(Outbox.NOTIFY_CHANNEL, this::wake);
        scheduler.newJob(POLL_JOB).setInterval(config.pollInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(execution -> wake()).schedule();
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (scheduler.getScheduledJob(POLL_JOB) != null) {
            scheduler.unscheduleJob(POLL_JOB);
        }
    }

    /** Asks for a drain; a drain already running picks the request up when it finishes. */
    public void wake() {
        wakeRequested.set(true);
        if (draining.compareAndSet(false, true)) {
            SafeContexts.run(vertx, this::drainLoop);
        }
    }

    private void drainLoop() {
        wakeRequested.set(false);
        publishBatch().subscribe().with(
                batch -> {
                    if (batch.acknowledged() < batch.locked()) {
                        // The broker is failing: the timer retries; a tight loop against it helps no one.
                        LOG.warnf("Kafka acknowledged %d of %d outbox events; retrying in %s",
                                batch.acknowledged(), batch.locked(), config.pollInterval());
                        wakeRequested.set(false);
                        finishDrain();
                    } else if (batch.locked() == config.batchSize() || wakeRequested.get()) {
                        drainLoop();
                    } else {
                        finishDrain();
                    }
                },
                failure -> {
                    LOG.warnf("Outbox relay failed, retrying in %s: %s", config.pollInterval(), failure.getMessage());
                    wakeRequested.set(false);
                    finishDrain();
                });
    }

    private void finishDrain() {
        draining.set(false);
        if (wakeRequested.get()) {
            wake();
        }
    }

    /** One transaction: claim the next aggregates, send their rows, mark the acknowledged prefix published. */
    Uni<Batch> publishBatch() {
        return database.withTransaction(connection -> claim(connection).chain(rows -> sendAndMark(connection, rows)));
    }

    /** Claims the oldest aggregates no other relay holds, until the transaction ends; returns their unpublished rows. */
    Uni<List<PendingEvent>> claim(SqlConnection connection) {
        return connection.preparedQuery(NEXT_BATCH).execute(Tuple.of(config.batchSize()))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(PendingEvent::of).toList());
    }

    /** Sends claimed rows, and marks the prefix the broker acknowledged published (in the claiming transaction). */
    Uni<Batch> sendAndMark(SqlConnection connection, List<PendingEvent> rows) {
        return sendInOrder(rows).chain(acknowledged -> {
            if (acknowledged == 0) {
                return Uni.createFrom().item(new Batch(rows.size(), 0));
            }
            // The broker has the records; dying here, before the rows are marked, forces a duplicate.
            FailPoints.hit(FailPoints.RELAY_AFTER_ACK);
            Long[] ids = rows.subList(0, acknowledged).stream().map(PendingEvent::id).toArray(Long[]::new);
            return connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(Instant.now().atOffset(ZoneOffset.UTC), ids))
                    .invoke(() -> published.increment(acknowledged))
                    .replaceWith(new Batch(rows.size(), acknowledged));
        });
    }

    /**
     * Sends every row at once (the idempotent producer keeps their order per partition) and returns
     * how many leading rows the broker acknowledged: only that prefix may be marked published.
     */
    private Uni<Integer> sendInOrder(List<PendingEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Boolean>> sends = rows.stream()
                .map(row -> send(row).replaceWith(true).onFailure().recoverWithItem(false))
                .toList();
        return Uni.join().all(sends).andFailFast().map(outcomes -> {
            int prefix = outcomes.indexOf(false);
            return prefix < 0 ? outcomes.size() : prefix;
        });
    }

    private Uni<Void> send(PendingEvent row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.aggregateId())
                .withHeaders(CloudEventHeaders.of(row.eventId().toString(), config.source(),
                        CloudEventHeaders.cloudEventType(row.aggregateType(), row.eventType()),
                        row.aggregateId(), row.occurredAt().toString()))
                .build();
        return emitter.sendMessage(Message.of(row.payload(), Metadata.of(metadata)));
    }

    /** An unpublished outbox row ({@link OutboxEvent}), as the relay reads it. */
    record PendingEvent(long id, UUID eventId, String topic, String aggregateType, String aggregateId, long aggregateVersion,
                        String eventType, Instant occurredAt, String payload) {
        static PendingEvent of(Row row) {
            return new PendingEvent(row.getLong("id"), row.getUUID("event_id"), row.getString("topic"),
                    row.getString("aggregate_type"), row.getString("aggregate_id"), row.getLong("aggregate_version"),
                    row.getString("event_type"), row.getOffsetDateTime("occurred_at").toInstant(), row.getString("payload"));
        }
    }

    record Batch(int locked, int acknowledged) {
    }
}
