package io.chipbet.platform.outbox;

import io.chipbet.platform.event.CloudEventHeaders;
import io.chipbet.platform.fault.FailPoints;
import io.chipbet.platform.persistence.SafeContexts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the outbox to Kafka, in {@code id} order, and marks rows published only once the broker
 * has acknowledged them ({@code acks=all}, idempotent producer). Never runs inside a business
 * transaction, so there is no dual write. If the broker is down, rows stay unpublished and are
 * retried every poll interval.
 *
 * <p>Woken by a PostgreSQL NOTIFY right after each commit that appended an event, and by a timer.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String CHANNEL = "chipbet-outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String NEXT_BATCH = """
            select * from outbox_event
            where published_at is null
            order by id
            limit :limit
            for update skip locked""";

    private final Mutiny.SessionFactory sessions;
    private final MutinyEmitter<String> emitter;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final OutboxNotifications notifications;
    private final Counter published;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private long timerId = -1;

    public OutboxRelay(Mutiny.SessionFactory sessions, @Channel(CHANNEL) MutinyEmitter<String> emitter, Vertx vertx,
                       OutboxConfig config, OutboxNotifications notifications, MeterRegistry registry) {
        this.sessions = sessions;
        this.emitter = emitter;
        this.vertx = vertx;
        this.config = config;
        this.notifications = notifications;
        this.published = Counter.builder("chipbet.outbox.published")
                .description("Outbox events acknowledged by Kafka").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            return;
        }
        notifications.listen(Outbox.CHANNEL, this::wake);
        timerId = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> wake());
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
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

    /** One transaction: lock the next rows, send them, mark the acknowledged prefix published. */
    private Uni<Batch> publishBatch() {
        return sessions.withTransaction(session -> session
                .createNativeQuery(NEXT_BATCH, OutboxEvent.class)
                .setParameter("limit", config.batchSize())
                .getResultList()
                .chain(rows -> sendInOrder(rows).map(acknowledged -> {
                    if (acknowledged > 0) {
                        // The broker has the records; dying here, before the rows are marked, forces a duplicate.
                        FailPoints.hit(FailPoints.RELAY_AFTER_ACK);
                    }
                    Instant now = Instant.now();
                    rows.subList(0, acknowledged).forEach(row -> row.publishedAt = now);
                    published.increment(acknowledged);
                    return new Batch(rows.size(), acknowledged);
                })));
    }

    /**
     * Sends every row at once (the idempotent producer keeps their order per partition) and returns
     * how many leading rows the broker acknowledged: only that prefix may be marked published.
     */
    private Uni<Integer> sendInOrder(List<OutboxEvent> rows) {
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

    private Uni<Void> send(OutboxEvent row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.aggregateId)
                .withHeaders(CloudEventHeaders.of(row.eventId.toString(), config.source(),
                        CloudEventHeaders.cloudEventType(row.aggregateType, row.eventType),
                        row.aggregateId, row.occurredAt.toString()))
                .build();
        return emitter.sendMessage(Message.of(row.payload, Metadata.of(metadata)));
    }

    private record Batch(int locked, int acknowledged) {
    }
}
