package io.chipbet.projection.bench;

import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.testing.BenchResults;
import io.chipbet.platform.testing.BenchResults.Goal;
import io.chipbet.projection.Events;
import io.chipbet.projection.score.Feasibility;
import io.chipbet.projection.score.ScoreBoard;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.chipbet.platform.testing.Api.asEditor;

/**
 * What 100 live scenarios cost the baseline (the scenarios issue: neither may drop by more than 10%): the ingest rate
 * of a rebuild, and the baseline's freshness (one new fact produced until the baseline's probability includes it),
 * each with no scenario and with {@code bench.scenarios} of them, in alternating rounds of the same run. The model
 * runs at its production sample count. Not part of the suite; run it with
 * {@code ./mvnw -pl projection-service -am verify -Dtest=ScenarioCostBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints its figures; it asserts nothing about speed.
 */
@QuarkusTest
@TestProfile(ScenarioCostBenchmark.ProductionSamples.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ScenarioCostBenchmark {

    /** The production sample count (10,000), not the suite's smaller one. */
    public static class ProductionSamples implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.chipbet.model.simulation.samples.value", "10000");
        }
    }

    @Inject
    ScoreBoard board;

    @Test
    void ingestAndFreshnessWithAndWithoutScenarios() throws Exception {
        int events = Integer.getInteger("bench.events", 50_000);
        int aggregates = Integer.getInteger("bench.aggregates", 1_000);
        int scenarios = Integer.getInteger("bench.scenarios", 100);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int probes = Integer.getInteger("bench.probes", 5);
        BenchRecords.produceCommitmentChanges(events, aggregates);
        long total = BenchRecords.recordsIn(BenchRecords.TOPICS);
        // This profile's application resumes from the group's offsets: in a suite, the records an earlier benchmark
        // produced were processed before it started, so only this benchmark's own are awaited; a rebuild reads them all.
        Figures.awaitProcessed(board, events, Duration.ofMinutes(5));

        Map<Integer, List<Double>> ingest = new LinkedHashMap<>(Map.of(0, new ArrayList<>(), scenarios, new ArrayList<>()));
        Map<Integer, List<Double>> freshness = new LinkedHashMap<>(Map.of(0, new ArrayList<>(), scenarios, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int count : List.of(0, scenarios)) {
                List<String> created = createScenarios(count);
                created.forEach(io.chipbet.projection.scenario.ScenarioAnswers::awaitFirst); // evaluated, as after a real create
                long before = board.processed();
                long start = System.nanoTime();
                asEditor().post("/api/v1/admin/rebuild").then().statusCode(202);
                Figures.awaitProcessed(board, before + total, Duration.ofMinutes(5));
                ingest.get(count).add(total / BenchRecords.seconds(start));
                for (int probe = 0; probe < probes; probe++) {
                    freshness.get(count).add(freshnessMillis());
                    // Longer than the scenarios' quiet period: their pass on this fact runs beside the next probe.
                    Thread.sleep(1_000);
                }
                created.forEach(path -> asEditor().delete(path).then().statusCode(204));
            }
        }
        double ingestWithout = Figures.median(ingest.get(0));
        double ingestWith = Figures.median(ingest.get(scenarios));
        double freshWithout = Figures.median(freshness.get(0));
        double freshWith = Figures.median(freshness.get(scenarios));
        System.out.printf(Locale.ROOT, "%nSCENARIO COST BENCHMARK  %d records, %d rounds, %d samples a simulation, on %d cores%n",
                total, rounds, (int) board.config().simulation().samples().value(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  ingest     no scenario    median %,9.0f events/s  %s%n", ingestWithout, ingest.get(0));
        System.out.printf(Locale.ROOT, "  ingest     %3d scenarios  median %,9.0f events/s  %s%n", scenarios, ingestWith, ingest.get(scenarios));
        System.out.printf(Locale.ROOT, "  freshness  no scenario    median %,9.0f ms        %s%n", freshWithout, freshness.get(0));
        System.out.printf(Locale.ROOT, "  freshness  %3d scenarios  median %,9.0f ms        %s%n", scenarios, freshWith, freshness.get(scenarios));
        System.out.printf(Locale.ROOT, "  ratios     ingest %.2f x, freshness %.2f x (with / without; the issue allows >= 0.90 and <= 1.10)%n%n",
                ingestWith / ingestWithout, freshWith / freshWithout);
        BenchResults.record("scenario-cost", "ingest with " + scenarios + " scenarios", "events/s", ingest.get(scenarios),
                "no scenario", ingest.get(0), Goal.ratioAtLeast(0.9));
        BenchResults.record("scenario-cost", "baseline freshness with " + scenarios + " scenarios", "ms", freshness.get(scenarios),
                "no scenario", freshness.get(0), Goal.ratioAtMost(1.1));
    }

    /** Scenarios as analysts write them: each adds money, so each differs from the baseline and from the others. */
    private static List<String> createScenarios(int count) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "{\"name\": \"Bench " + i + "\", \"description\": \"benchmark\", \"changes\": [{\"kind\": \"ADD_COMMITMENT\", "
                    + "\"amountUsd\": " + (1_000_000_000L * (i + 1)) + ", \"status\": \"PLEDGED\", \"purpose\": \"FABS\", "
                    + "\"investorName\": \"Bench fund " + i + "\", \"investorKind\": \"SOVEREIGN_FUND\", \"investorCountry\": \"AE\"}]}";
            String location = asEditor().body(body).post("/api/v1/scenarios").then().statusCode(201).extract().header("Location");
            paths.add(java.net.URI.create(location).getPath());
        }
        return paths;
    }

    /** One new commitment produced (acknowledged by the broker) until the baseline's simulated answer includes it. */
    private double freshnessMillis() throws InterruptedException {
        Feasibility before = board.current();
        UUID id = UUID.randomUUID();
        long start = System.nanoTime();
        Events.send(FundingTopics.COMMITMENTS, id.toString(), Events.envelope("CommitmentRecorded", "commitment", id, 1,
                Events.commitment(id, "Probe " + id, "5000000000", Purpose.FABS, CommitmentStatus.COMMITTED, "0", 1)));
        Figures.await(() -> {
            Feasibility now = board.current();
            return now.inputs().commitments() > before.inputs().commitments() && now.simulation().current();
        }, Duration.ofMinutes(2), () -> "the baseline's simulation of " + id);
        return (System.nanoTime() - start) / 1e6;
    }
}
