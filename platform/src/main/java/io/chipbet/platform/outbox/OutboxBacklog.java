package io.chipbet.platform.outbox;

import io.chipbet.platform.persistence.SafeContexts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.vertx.mutiny.sqlclient.Pool;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * What an operator pages on when events stop flowing: how many outbox rows wait to be published
 * ({@code chipbet_outbox_pending}) and how long the oldest has waited ({@code chipbet_outbox_oldest_pending_seconds}).
 * Counted every few seconds in one query, so a scrape never waits on the database; through the reactive SQL client, as
 * the relay reads the outbox (see OutboxRelay on Hibernate Reactive's plan cache).
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);
    private static final Duration EVERY = Duration.ofSeconds(5);
    private static final String COUNT = "select count(*), min(occurred_at) from outbox_event where published_at is null";

    private final Pool database;
    private final Vertx vertx;
    private volatile double pending = Double.NaN;
    private volatile Instant oldest;
    private long timer = -1;

    public OutboxBacklog(Pool database, Vertx vertx, MeterRegistry registry) {
        this.database = database;
        this.vertx = vertx;
        Gauge.builder("chipbet.outbox.pending", this, backlog -> backlog.pending)
                .description("Outbox rows not yet acknowledged by Kafka").register(registry);
        Gauge.builder("chipbet.outbox.oldest.pending.seconds", this, OutboxBacklog::oldestAge)
                .description("Age of the oldest outbox row not yet acknowledged by Kafka; 0 when none waits").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(0, EVERY.toMillis(), tick -> SafeContexts.run(vertx, this::count));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void count() {
        database.query(COUNT).execute().map(rows -> rows.iterator().next()).subscribe().with(row -> {
            pending = row.getLong(0);
            oldest = row.getOffsetDateTime(1) == null ? null : row.getOffsetDateTime(1).toInstant();
        }, failure -> {
            LOG.debugf("Outbox backlog not counted: %s", failure.getMessage());
            pending = Double.NaN; // unknown, not zero: the database is away
        });
    }

    private double oldestAge() {
        Instant since = oldest;
        return since == null ? 0 : Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
