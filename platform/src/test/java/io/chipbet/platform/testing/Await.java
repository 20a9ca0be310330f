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
        return until(read, condition, within, Duration.ofMillis(100), describeLast);
    }

    /** The same, polled every {@code interval}: a benchmark timing the wait polls more often than 100 ms. */
    public static <T> T until(Supplier<T> read, Predicate<T> condition, Duration within, Duration interval, Function<T, String> describeLast) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Never got there within " + within + "; last: " + (last == null ? null : describeLast.apply(last)));
    }
}
