package io.chipbet.platform.fault;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named places where a fault can be injected, for the fault suite and for tests: a point armed N
 * times throws {@link InjectedFailure} the next N times it is hit. Nothing is armed unless a test
 * arms it, or the process starts with {@code -Dchipbet.fail-points=name:count,...}; an unarmed
 * point costs one volatile read.
 */
public final class FailPoints {

    /** The projection's transaction fails just before it commits. */
    public static final String PROJECTION_COMMIT = "projection.commit";
    /** Reloading the projection's committed state fails. */
    public static final String PROJECTION_RESTORE = "projection.restore";
    /** The outbox relay dies after the broker acknowledged a batch, before it marks the rows published. */
    public static final String RELAY_AFTER_ACK = "relay.after-ack";

    private static final Map<String, AtomicInteger> ARMED = new ConcurrentHashMap<>();
    private static volatile boolean anyArmed;

    static {
        String fromCommandLine = System.getProperty("chipbet.fail-points", "");
        for (String entry : fromCommandLine.split(",")) {
            if (!entry.isBlank()) {
                String[] nameAndCount = entry.trim().split(":");
                arm(nameAndCount[0], nameAndCount.length > 1 ? Integer.parseInt(nameAndCount[1]) : 1);
            }
        }
    }

    private FailPoints() {
    }

    public static void arm(String name, int times) {
        ARMED.put(name, new AtomicInteger(times));
        anyArmed = true;
    }

    public static void disarmAll() {
        ARMED.clear();
        anyArmed = false;
    }

    /** How many more times the point will fail. */
    public static int remaining(String name) {
        AtomicInteger left = ARMED.get(name);
        return left == null ? 0 : Math.max(0, left.get());
    }

    /** Throws if the point is armed, and counts the hit. */
    public static void hit(String name) {
        if (!anyArmed) {
            return;
        }
        AtomicInteger left = ARMED.get(name);
        if (left != null && left.getAndDecrement() > 0) {
            throw new InjectedFailure(name);
        }
    }

    /** The failure a fail-point throws. */
    public static final class InjectedFailure extends RuntimeException {
        InjectedFailure(String point) {
            super("injected failure at " + point, null, false, false);
        }
    }
}
