package io.chipbet.platform.outbox;

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
 * Deletes outbox rows published longer ago than {@code chipbet.outbox.retention}: Kafka holds them
 * now, and the table must not grow forever. A row not yet published is never deleted.
 */
@ApplicationScoped
public class OutboxRetention {

    private final OutboxConfig config;
    private final ChunkedPurge purge;

    public OutboxRetention(Mutiny.SessionFactory sessions, OutboxConfig config, Vertx vertx, Scheduler scheduler) {
        this.config = config;
        this.purge = new ChunkedPurge(sessions, vertx, scheduler, "chipbet-outbox-retention", "published outbox rows", """
                delete from outbox_event where id in (
                    select id from outbox_event where published_at < :cutoff order by id limit :chunk)""", config::retention);
    }

    void start(@Observes StartupEvent startup) {
        if (config.relayEnabled()) {
            purge.start(config.retentionCheckInterval());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        purge.stop();
    }

    /** Deletes the rows published before now minus the retention, a chunk at a time; returns how many. */
    public Uni<Integer> purge() {
        return purge.run();
    }
}
