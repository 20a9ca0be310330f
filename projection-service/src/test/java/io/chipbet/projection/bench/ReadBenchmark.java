package io.chipbet.projection.bench;

import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.contract.talent.TalentTopics;
import io.chipbet.platform.testing.BenchResults;
import io.chipbet.platform.testing.BenchResults.Goal;
import io.chipbet.platform.testing.Wrk;
import io.chipbet.projection.Events;
import io.chipbet.projection.score.ScoreBoard;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/feasibility} under load against a constant endpoint of the same service
 * ({@code GET /api/v1/assumptions}), both with wrk, in alternating rounds of the same run. Not part of
 * the suite; run it with
 * {@code ./mvnw -pl projection-service -am verify -Dtest=ReadBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints its figures; it asserts nothing about speed.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ReadBenchmark {

    @Inject
    ScoreBoard board;

    @Test
    void scoreAgainstAConstantEndpoint() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 5);
        int seconds = Integer.getInteger("bench.seconds", 5);
        int connections = Integer.getInteger("bench.connections", 32);
        feedAScore();
        String base = RestAssured.baseURI + ":" + RestAssured.port + "/api/v1";
        Wrk.run(base + "/assumptions", seconds, connections, null); // warm-up (the JIT), not counted
        Wrk.run(base + "/feasibility", seconds, connections, null);

        List<Wrk.Result> constant = new ArrayList<>();
        List<Wrk.Result> score = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // Alternate which goes first, so that drift on a noisy machine does not favour one.
            if (round % 2 == 0) {
                constant.add(Wrk.run(base + "/assumptions", seconds, connections, null));
                score.add(Wrk.run(base + "/feasibility", seconds, connections, null));
            } else {
                score.add(Wrk.run(base + "/feasibility", seconds, connections, null));
                constant.add(Wrk.run(base + "/assumptions", seconds, connections, null));
            }
        }
        double constantRps = Figures.median(constant.stream().map(Wrk.Result::requestsPerSecond).toList());
        double scoreRps = Figures.median(score.stream().map(Wrk.Result::requestsPerSecond).toList());
        System.out.printf(Locale.ROOT, "%nREAD BENCHMARK  wrk -t2 -c%d, %d rounds of %d s on %d cores%n", connections, rounds, seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  GET /assumptions (constant)  median %,9.0f req/s, p50 %.3f ms   %s%n", constantRps,
                Figures.median(constant.stream().map(Wrk.Result::p50Millis).toList()), constant);
        System.out.printf(Locale.ROOT, "  GET /feasibility             median %,9.0f req/s, p50 %.3f ms   %s%n", scoreRps,
                Figures.median(score.stream().map(Wrk.Result::p50Millis).toList()), score);
        System.out.printf(Locale.ROOT, "  ratio                        %.2f x the constant endpoint%n%n", scoreRps / constantRps);
        BenchResults.record("read", "read GET /feasibility, c" + connections, "req/s",
                score.stream().map(Wrk.Result::requestsPerSecond).toList(), "GET /assumptions (constant)",
                constant.stream().map(Wrk.Result::requestsPerSecond).toList(), Goal.none());
        BenchResults.record("read", "read GET /feasibility p99, c" + connections, "ms", score.stream().map(Wrk.Result::p99Millis).toList(),
                "GET /assumptions (constant)", constant.stream().map(Wrk.Result::p99Millis).toList(), Goal.none());
    }

    /** A real score: a few commitments, a fab and a pool. */
    private void feedAScore() throws InterruptedException {
        List<Map.Entry<String, String>> commitments = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            commitments.add(Map.entry(id.toString(), Events.envelope("CommitmentRecorded", "commitment", id, 1,
                    Events.commitment(id, "Investor " + i, "10", Purpose.FABS, CommitmentStatus.COMMITTED, "0", 1))));
        }
        Events.sendAll(FundingTopics.COMMITMENTS, commitments);
        UUID fab = UUID.randomUUID();
        Events.send(FabTopics.PROJECTS, fab.toString(), Events.envelope("FabAnnounced", "fab", fab, 1,
                Events.fab(fab, "Fab", FabStatus.VOLUME_PRODUCTION, 100, 10, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), 1)));
        UUID pool = UUID.randomUUID();
        Events.send(TalentTopics.POOLS, pool.toString(), Events.envelope("TalentPoolRecorded", "talent-pool", pool, 1,
                Events.pool(pool, 10, 20, 2028, 1)));
        Figures.await(() -> board.current().inputs().talentPools() >= 1 && board.current().inputs().commitments() >= 20,
                Duration.ofSeconds(60), () -> "the score's inputs: " + board.current().inputs());
    }
}
