package io.chipbet.projection.bench;

import io.chipbet.platform.testing.BenchResults;
import io.chipbet.platform.testing.BenchResults.Goal;
import io.chipbet.projection.score.ScoreBoard;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.chipbet.platform.testing.Api.asEditor;

/**
 * Ingest throughput of the projection (persisted, deduplicated, scored) against a plain Kafka
 * consumer reading the same records, and against the same projection written with Kafka Streams
 * ({@link StreamsProjection}), in alternating rounds of the same run. Not part of the suite; run it with
 * {@code ./mvnw -pl projection-service -am verify -Dtest=IngestBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints its figures; it asserts nothing about speed.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class IngestBenchmark {

    @Inject
    ScoreBoard board;

    @Test
    void ingestAgainstAPlainConsumer() throws Exception {
        int events = Integer.getInteger("bench.events", 50_000);
        int aggregates = Integer.getInteger("bench.aggregates", 1_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        BenchRecords.produceCommitmentChanges(events, aggregates);
        long total = BenchRecords.recordsIn(BenchRecords.TOPICS);
        Figures.awaitProcessed(board, total, Duration.ofMinutes(5)); // the first pass, as the records arrived

        List<Double> raw = new ArrayList<>();
        List<Double> streams = new ArrayList<>();
        List<Double> ingest = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            raw.add(BenchRecords.plainConsumerRate(total));
            streams.add(StreamsProjection.rate(total));
            long before = board.processed();
            long start = System.nanoTime();
            asEditor().post("/api/v1/admin/rebuild").then().statusCode(202);
            Figures.awaitProcessed(board, before + total, Duration.ofMinutes(5));
            ingest.add(total / BenchRecords.seconds(start));
        }
        double rawMedian = Figures.median(raw);
        double ingestMedian = Figures.median(ingest);
        System.out.printf(Locale.ROOT, "%nINGEST BENCHMARK  %d records (%d aggregates), %d rounds on %d cores%n",
                total, aggregates, rounds, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  plain consumer   median %,10.0f records/s   %s%n", rawMedian, raw);
        System.out.printf(Locale.ROOT, "  projection       median %,10.0f events/s    %s%n", ingestMedian, ingest);
        System.out.printf(Locale.ROOT, "  Kafka Streams    median %,10.0f records/s   %s%n", Figures.median(streams), streams);
        System.out.printf(Locale.ROOT, "  ratio            %.2f x the plain consumer, %.2f x Kafka Streams%n%n", ingestMedian / rawMedian,
                ingestMedian / Figures.median(streams));
        BenchResults.record("ingest", "ingest, " + total + " events", "events/s", ingest, null, List.of(), Goal.valueAtLeast(30_000));
        BenchResults.record("ingest", "ingest vs a plain consumer", "events/s", ingest, "plain consumer", raw, Goal.ratioAtLeast(0.5));
        BenchResults.record("ingest", "ingest vs Kafka Streams (EOS v2, RocksDB)", "events/s", ingest, "Kafka Streams", streams, Goal.none());
        if (total >= 1_000_000) {
            BenchResults.record("ingest", "replay of " + total + " events", "s", ingest.stream().map(rate -> total / rate).toList(),
                    Goal.valueAtMost(60));
        }
    }
}
