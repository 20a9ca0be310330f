package io.chipbet.platform.idempotency;

import io.chipbet.platform.persistence.ChunkedPurge;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Deletes remembered answers older than {@code chipbet.idempotency.retention}: clients retry within
 * minutes, and the table must not grow forever. Every instance may run it; a row is deleted once.
 */
@ApplicationScoped
public class IdempotencyRetention {

    private final IdempotencyConfig config;
    private final ChunkedPurge purge;

    public IdempotencyRetention(Mutiny.SessionFactory sessions, IdempotencyConfig config, Vertx vertx, Scheduler scheduler) {
        this.config = config;
        this.purge = new ChunkedPurge(sessions, vertx, scheduler, "chipbet-idempotency-retention", "idempotency keys", """
                delete from idempotent_request where ctid in (
                    select ctid from idempotent_request where created_at < :cutoff limit :chunk)""", config::retention);
    }

    void start(@Observes StartupEvent startup) {
        purge.start(config.retentionCheckInterval());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        purge.stop();
    }

    /** Deletes the keys first used before now minus the retention; returns how many. */
    public Uni<Integer> purge() {
        return purge.run();
    }
}
