package io.chipbet.platform.persistence;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Deletes the rows of one table that are past their retention, a chunk per statement so that one
 * purge never holds a long lock or a huge transaction; as a job of the Quarkus scheduler, and on demand.
 */
public final class ChunkedPurge {

    private static final Logger LOG = Logger.getLogger(ChunkedPurge.class);
    static final int CHUNK = 10_000;

    private final Mutiny.SessionFactory sessions;
    private final Vertx vertx;
    private final Scheduler scheduler;
    private final String job;
    private final String rows;
    private final String delete;
    private final Supplier<Duration> retention;

    /**
     * @param job       the scheduler job's name, unique in the service, e.g. "chipbet-outbox-retention"
     * @param rows      what is deleted, for the log, e.g. "published outbox rows"
     * @param delete    a DELETE of at most {@code :chunk} rows older than {@code :cutoff}
     * @param retention how old a row must be to be deleted
     */
    public ChunkedPurge(Mutiny.SessionFactory sessions, Vertx vertx, Scheduler scheduler, String job, String rows, String delete,
                        Supplier<Duration> retention) {
        this.sessions = sessions;
        this.vertx = vertx;
        this.scheduler = scheduler;
        this.job = job;
        this.rows = rows;
        this.delete = delete;
        this.retention = retention;
    }

    /** Purges every {@code interval}, on a safe Vert.x context (the scheduler's thread has none), until {@link #stop()}. */
    public void start(Duration interval) {
        scheduler.newJob(job).setInterval(interval.toString()).setDelayed(interval.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> SafeContexts.run(vertx, () -> run().subscribe().with(deleted -> LOG.debugf("Deleted %d %s", deleted, rows),
                        failure -> LOG.warnf("Deleting old %s failed, retrying later: %s", rows, failure.getMessage()))))
                .schedule();
    }

    public void stop() {
        if (scheduler.getScheduledJob(job) != null) {
            scheduler.unscheduleJob(job);
        }
    }

    /** Deletes every row older than now minus the retention; returns how many. */
    public Uni<Integer> run() {
        return runFrom(Instant.now().minus(retention.get()), 0);
    }

    private Uni<Integer> runFrom(Instant cutoff, int deletedSoFar) {
        return sessions.withTransaction(session -> session.createNativeQuery(delete)
                        .setParameter("cutoff", cutoff).setParameter("chunk", CHUNK).executeUpdate())
                .chain(deleted -> deleted < CHUNK ? Uni.createFrom().item(deletedSoFar + deleted)
                        : runFrom(cutoff, deletedSoFar + deleted));
    }
}
