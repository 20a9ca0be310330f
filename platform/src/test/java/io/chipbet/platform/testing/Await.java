package io.chipbet.platform.testing;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a read until its value satisfies a condition: what a client of an eventually consistent read does. */
public final class Await {

    private Await() {
    }

    /** {@code read}'s first value that satisfies {@code condition} within {@code within}, polled every 100 ms; else an AssertionError describing the last. */
    public static <T> T until(Supplier<T> read, Predicate<T> condition, Duration within, Function<T, String> describeLast) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Never got there within " + within + "; last: " + (last == null ? null : describeLast.apply(last)));
    }
}
