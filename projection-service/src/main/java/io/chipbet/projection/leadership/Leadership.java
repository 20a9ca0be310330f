package io.chipbet.projection.leadership;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Exactly one projection replica leads: it consumes the input topics, writes the projection and
 * publishes. Leadership is a PostgreSQL session advisory lock, held on a connection of its own: it
 * is released when the leader's connection or process dies, and a follower that polls for it takes
 * over. Each new leader raises the epoch in {@code projection_leadership}; every write transaction
 * checks it ({@link #fence()}), so a leader that lost its lock without knowing cannot write after its
 * successor. A leader that loses the lock stops the process (crash-only): it comes back a follower.
 */
@ApplicationScoped
public class Leadership {

    private static final Logger LOG = Logger.getLogger(Leadership.class);
    /** The lock's key: one per projection database. */
    private static final long LOCK = 0x6368697062657401L; // "chipbet" + 1
    private static final String FENCE = "update projection_leadership set holder = holder where id = 1 and epoch = :epoch";

    /** Told when this replica becomes the leader, and on every follower tick. */
    public interface Listener {
        void elected(long epoch);

        void followerTick();
    }

    private final AgroalDataSource jdbc;
    private final LeadershipConfig config;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chipbet-leadership");
        thread.setDaemon(true);
        return thread;
    });
    private Connection lockConnection;
    private volatile long epoch = -1;
    private volatile boolean started;

    public Leadership(AgroalDataSource jdbc, LeadershipConfig config) {
        this.jdbc = jdbc;
        this.config = config;
    }

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /** Starts trying for leadership; the caller has restored the projection's state. */
    public synchronized void start() {
        if (!started) {
            started = true;
            ticks.scheduleWithFixedDelay(this::tick, 0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public boolean isLeader() {
        return epoch >= 0;
    }

    public long epoch() {
        return epoch;
    }

    public String instance() {
        return config.instance();
    }

    /**
     * Inside a write transaction: fails unless this replica still holds the epoch it was elected
     * with. A stale leader's transaction rolls back, and the process stops.
     */
    public Uni<Void> fence() {
        long mine = epoch;
        if (mine < 0) {
            return Uni.createFrom().failure(new NotLeader("this replica is a follower"));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(FENCE).setParameter("epoch", mine).executeUpdate())
                .invoke(updated -> {
                    if (updated != 1) {
                        lost("epoch " + mine + " is no longer current");
                        throw new NotLeader("epoch " + mine + " is no longer current");
                    }
                }).replaceWithVoid();
    }

    private void tick() {
        try {
            if (isLeader()) {
                stillHeld();
            } else if (tryToLead()) {
                LOG.infof("%s leads the projection (epoch %d)", config.instance(), epoch);
                listeners.forEach(listener -> listener.elected(epoch));
            } else {
                listeners.forEach(Listener::followerTick);
            }
        } catch (Exception e) {
            if (isLeader()) {
                lost(e.getMessage());
            } else {
                LOG.debugf("Leadership not taken (%s); trying again", e.getMessage());
                closeQuietly();
            }
        }
    }

    private boolean tryToLead() throws SQLException {
        if (lockConnection == null || lockConnection.isClosed()) {
            lockConnection = jdbc.getConnection();
            lockConnection.setAutoCommit(true);
        }
        try (PreparedStatement statement = lockConnection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    return false;
                }
            }
        }
        try (PreparedStatement statement = lockConnection.prepareStatement("""
                insert into projection_leadership (id, epoch, holder, since) values (1, 1, ?, now())
                on conflict (id) do update set epoch = projection_leadership.epoch + 1, holder = excluded.holder, since = now()
                returning epoch""")) {
            statement.setString(1, config.instance());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                epoch = result.getLong(1);
            }
        }
        return true;
    }

    /** The lock lives as long as its connection: a leader checks that it is still open. */
    private void stillHeld() throws SQLException {
        try (PreparedStatement statement = lockConnection.prepareStatement("select 1")) {
            statement.setQueryTimeout((int) Math.max(1, config.interval().toSeconds() * 5));
            statement.executeQuery().close();
        }
    }

    private void lost(String why) {
        LOG.errorf("%s lost the projection's leadership (%s): stopping, to come back as a follower", config.instance(), why);
        epoch = -1;
        closeQuietly();
        Quarkus.asyncExit(1);
    }

    private void closeQuietly() {
        try {
            if (lockConnection != null) {
                lockConnection.close();
            }
        } catch (SQLException ignored) {
            // Closing is what releases the lock; a broken connection has released it already.
        }
        lockConnection = null;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        ticks.shutdownNow();
        epoch = -1;
        closeQuietly();
    }

    /** A write refused because this replica does not lead. */
    public static final class NotLeader extends RuntimeException {
        NotLeader(String why) {
            super(why, null, false, false);
        }
    }
}
