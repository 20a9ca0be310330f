package io.chipbet.projection.bench;

import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.contract.talent.TalentTopics;
import io.chipbet.projection.Events;
import io.chipbet.projection.score.ScoreBoard;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern MEDIAN_LATENCY = Pattern.compile("\\s50%\\s+([\\d.]+)(us|ms|s)");

    @Inject
    ScoreBoard board;

    @Test
    void scoreAgainstAConstantEndpoint() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 5);
        int seconds = Integer.getInteger("bench.seconds", 5);
        String connections = System.getProperty("bench.connections", "32");
        feedAScore();
        String base = RestAssured.baseURI + ":" + RestAssured.port + "/api/v1";
        wrk(base + "/assumptions", seconds, connections); // warm-up (the JIT), not counted
        wrk(base + "/feasibility", seconds, connections);

        List<Result> constant = new ArrayList<>();
        List<Result> score = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // Alternate which goes first, so that drift on a noisy machine does not favour one.
            if (round % 2 == 0) {
                constant.add(wrk(base + "/assumptions", seconds, connections));
                score.add(wrk(base + "/feasibility", seconds, connections));
            } else {
                score.add(wrk(base + "/feasibility", seconds, connections));
                constant.add(wrk(base + "/assumptions", seconds, connections));
            }
        }
        double constantRps = Figures.median(constant.stream().map(Result::requestsPerSecond).toList());
        double scoreRps = Figures.median(score.stream().map(Result::requestsPerSecond).toList());
        System.out.printf(Locale.ROOT, "%nREAD BENCHMARK  wrk -t2 -c%s, %d rounds of %d s on %d cores%n", connections, rounds, seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  GET /assumptions (constant)  median %,9.0f req/s, p50 %.3f ms   %s%n", constantRps,
                Figures.median(constant.stream().map(Result::medianMillis).toList()), constant);
        System.out.printf(Locale.ROOT, "  GET /feasibility             median %,9.0f req/s, p50 %.3f ms   %s%n", scoreRps,
                Figures.median(score.stream().map(Result::medianMillis).toList()), score);
        System.out.printf(Locale.ROOT, "  ratio                        %.2f x the constant endpoint%n%n", scoreRps / constantRps);
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

    private static Result wrk(String url, int seconds, String connections) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", url)
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0 || output.contains("Non-2xx")) {
            throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
        }
        Matcher rps = REQUESTS_PER_SECOND.matcher(output);
        Matcher p50 = MEDIAN_LATENCY.matcher(output);
        if (!rps.find() || !p50.find()) {
            throw new IllegalStateException("Unexpected wrk output:\n" + output);
        }
        double latency = Double.parseDouble(p50.group(1));
        double millis = switch (p50.group(2)) {
            case "us" -> latency / 1000;
            case "s" -> latency * 1000;
            default -> latency;
        };
        return new Result(Double.parseDouble(rps.group(1)), millis);
    }

    private record Result(double requestsPerSecond, double medianMillis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f", requestsPerSecond);
        }
    }
}
