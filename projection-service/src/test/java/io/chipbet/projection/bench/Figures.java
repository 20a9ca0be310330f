package io.chipbet.projection.bench;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** What both benchmarks need: medians (these machines are noisy) and a bounded wait. */
final class Figures {

    private Figures() {
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Polls every few milliseconds; fails, saying what was awaited, once the timeout has passed. */
    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached in " + timeout + ": " + what.get());
            }
            Thread.sleep(20);
        }
    }
}
