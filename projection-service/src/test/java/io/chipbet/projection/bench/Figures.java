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
        return io.chipbet.platform.testing.BenchResults.median(values);
    }

    /** Polls every 20 ms; fails, saying what was awaited, once the timeout has passed. */
    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        io.chipbet.platform.testing.Await.until(condition::getAsBoolean, reached -> reached, timeout, Duration.ofMillis(20),
                reached -> what.get());
    }

    /** Until the projection has processed at least {@code count} records since it started. */
    static void awaitProcessed(io.chipbet.projection.score.ScoreBoard board, long count, Duration timeout) {
        await(() -> board.processed() >= count, timeout, () -> "processed " + board.processed() + " of " + count);
    }
}
