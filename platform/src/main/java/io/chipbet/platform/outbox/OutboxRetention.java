package io.chipbet.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Deletes outbox rows published longer ago than {@code chipbet.outbox.retention}: Kafka holds them
 * now, and the table must not grow forever. A row not yet published is never deleted.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    /** Deleted per statement, so that one purge never holds a long lock or a huge transaction. */
    private static final int CHUNK = 10_000;
    private static final String PURGE = """
            delete from outbox_event where id in (
                select id from outbox_event where published_at < :cutoff order by id limit :chunk)""";

    private final Mutiny.SessionFactory sessions;
    private final OutboxConfig config;
    private final Vertx vertx;
    private long timerId = -1;

    public OutboxRetention(Mutiny.SessionFactory sessions, OutboxConfig config, Vertx vertx) {
        this.sessions = sessions;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        if (config.relayEnabled()) {
            timerId = vertx.setPeriodic(config.retentionCheckInterval().toMillis(), tick -> SafeContexts.run(vertx,
                    () -> purge().subscribe().with(deleted -> LOG.debugf("Deleted %d published outbox rows", deleted),
                            failure -> LOG.warnf("Outbox retention failed, retrying later: %s", failure.getMessage()))));
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Deletes the rows published before now minus the retention, a chunk at a time; returns how many. */
    public Uni<Integer> purge() {
        Instant cutoff = Instant.now().minus(config.retention());
        return purgeFrom(cutoff, 0);
    }

    private Uni<Integer> purgeFrom(Instant cutoff, int deletedSoFar) {
        return sessions.withTransaction(session -> session.createNativeQuery(PURGE)
                        .setParameter("cutoff", cutoff).setParameter("chunk", CHUNK).executeUpdate())
                .chain(deleted -> deleted < CHUNK ? Uni.createFrom().item(deletedSoFar + deleted) : purgeFrom(cutoff, deletedSoFar + deleted));
    }
}
