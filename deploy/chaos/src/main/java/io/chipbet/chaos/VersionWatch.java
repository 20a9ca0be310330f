package io.chipbet.chaos;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * I4 while a fault runs: samples the version the projection stores for every aggregate, and the answer
 * version each replica serves, about once a second, and records any that went back (a row that vanished
 * counts as going back). Samples that fail (the database or the replica is down) are skipped.
 */
final class VersionWatch implements AutoCloseable {

    private final Stack stack;
    private final Map<UUID, Long> stored = new HashMap<>();
    private final Map<String, Long> served = new HashMap<>();
    private final List<String> backwards = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int samples;

    VersionWatch(Stack stack) {
        this.stack = stack;
        this.thread = new Thread(this::watch, "chaos-version-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (running) {
            sample();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        Map<UUID, Long> now = new HashMap<>();
        try (Connection connection = stack.database("projection"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select aggregate_id, version from aggregate_state")) {
            while (rows.next()) {
                now.put(rows.getObject(1, UUID.class), rows.getLong(2));
            }
        } catch (Exception e) {
            now = null;
        }
        synchronized (this) {
            if (now != null) {
                samples++;
                for (Map.Entry<UUID, Long> before : stored.entrySet()) {
                    Long after = now.get(before.getKey());
                    if (after == null || after < before.getValue()) {
                        note("the projection's stored version of " + before.getKey() + " went from " + before.getValue() + " to "
                                + (after == null ? "nothing" : after));
                    }
                }
                now.forEach((id, version) -> stored.merge(id, version, Math::max));
            }
            for (String replica : stack.projections()) {
                try {
                    long version = Http.getJson(stack.url(replica) + "/api/v1/feasibility").path("version").asLong();
                    Long before = served.get(replica);
                    if (before != null && version < before) {
                        note(replica + " served answer version " + before + ", then " + version);
                    }
                    served.merge(replica, version, Math::max);
                } catch (RuntimeException e) {
                    // down or restarting: no sample
                }
            }
        }
    }

    private void note(String problem) {
        if (backwards.size() < 5) {
            backwards.add(problem);
        }
    }

    /** What went backwards since the watch started; one last sample is taken first. */
    synchronized List<String> backwards() {
        return new ArrayList<>(backwards);
    }

    synchronized int samples() {
        return samples;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
