package io.chipbet.projection.ingest;

import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.testing.EventSchemas;
import io.chipbet.platform.testing.EventTopic;
import io.chipbet.projection.score.ScoreBoard;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.chipbet.platform.testing.Api.anyone;
import static io.chipbet.platform.testing.Api.asEditor;
import static io.chipbet.projection.Events.commitment;
import static io.chipbet.projection.Events.envelope;
import static io.chipbet.projection.Events.fab;
import static io.chipbet.projection.Events.pool;
import static io.chipbet.projection.Events.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The projection against a real broker and database, fed by a plain producer. The test plan: $1,000
 * of capital, fabs at $100 per 100 wafers a month, so the capacity target is 1,000 wafers a month.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionTest {

    private static final String FUNDING = "chipbet.funding.commitments.v1";
    private static final String FABS = "chipbet.fabs.projects.v1";
    private static final String TALENT = "chipbet.talent.pools.v1";
    private static final UUID COMMITMENT = UUID.randomUUID();
    private static final UUID FAB = UUID.randomUUID();
    private static final UUID POOL = UUID.randomUUID();

    @Inject
    ScoreBoard board;

    @Test
    @Order(1)
    void scoresTheThreeSuppliesAsComputedByHand() {
        try (EventTopic scores = new EventTopic("chipbet.feasibility.scores.v1")) {
            // Capital: $500 committed to fabs, weight 0.7 -> 350 of 1,000 = 0.35.
            send(FUNDING, COMMITMENT.toString(), envelope("CommitmentRecorded", "commitment", COMMITMENT, 1,
                    commitment(COMMITMENT, "SoftBank Group", "500", Purpose.FABS, CommitmentStatus.COMMITTED, "0", 1)));
            // Capacity: 600 wafers a month in volume production -> 0.6. Operations: 60 people for 600 wpm.
            send(FABS, FAB.toString(), envelope("FabAnnounced", "fab", FAB, 1,
                    fab(FAB, "Fab A", FabStatus.VOLUME_PRODUCTION, 600, 60, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), 1)));
            // Talent: 10 engineers in 2028, 20 a year, no attrition -> 50 in 2030, 40 new; demand 1,000 x 60/600 = 100 -> 0.4.
            send(TALENT, POOL.toString(), envelope("TalentPoolRecorded", "talent-pool", POOL, 1, pool(POOL, 10, 20, 2028, 1)));

            JsonPath score = awaitScore(json -> json.getInt("inputs.talentPools") == 1 && json.getInt("inputs.fabs") == 1
                    && json.getInt("inputs.commitments") == 1);
            assertClose(0.35, score.getDouble("capital.ratio"));
            assertClose(0.6, score.getDouble("capacity.ratio"));
            assertClose(0.4, score.getDouble("talent.ratio"));
            assertClose(35.0, score.getDouble("score"));
            assertEquals("capital", score.getString("bindingConstraint"));
            assertClose(100 * Math.cbrt(0.35 * 0.6 * 0.4), score.getDouble("geometricMean"));
            assertTrue(score.getList("assumptions.name").contains("capitalTargetUsd"));

            List<ConsumerRecord<String, String>> published = scores.await(record -> true, 3, Duration.ofSeconds(30));
            assertTrue(published.stream().allMatch(record -> "altman-7t-2030".equals(record.key())));
            published.forEach(record -> EventSchemas.validate("feasibility/FeasibilityChanged.schema.json", record.value()));
            assertTrue(published.get(0).value().contains("SoftBank Group commitment"), published.get(0).value());
        }
        anyone().get("/api/v1/feasibility/changes").then().statusCode(200)
                .body("items[0].eventType", org.hamcrest.Matchers.equalTo("TalentPoolRecorded"));
        anyone().get("/api/v1/inputs").then().statusCode(200)
                .body("capital[0].investor", org.hamcrest.Matchers.equalTo("SoftBank Group"))
                .body("fabs[0].countsForCapacity", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    @Order(2)
    void aRedeliveryOrAStaleEventChangesNothing() {
        JsonPath before = anyone().get("/api/v1/feasibility").then().extract().jsonPath();
        // Disbursing moves to version 2 ...
        send(FUNDING, COMMITMENT.toString(), envelope("CommitmentStatusChanged", "commitment", COMMITMENT, 2,
                commitment(COMMITMENT, "SoftBank Group", "500", Purpose.FABS, CommitmentStatus.DISBURSED, "500", 2)));
        JsonPath disbursed = awaitScore(json -> json.getLong("version") > before.getLong("version"));
        assertClose(50.0, disbursed.getDouble("capital.ratio") * 100);
        // ... then version 1 arrives again, and version 2 a second time.
        send(FUNDING, COMMITMENT.toString(), envelope("CommitmentRecorded", "commitment", COMMITMENT, 1,
                commitment(COMMITMENT, "SoftBank Group", "500", Purpose.FABS, CommitmentStatus.COMMITTED, "0", 1)));
        send(FUNDING, COMMITMENT.toString(), envelope("CommitmentStatusChanged", "commitment", COMMITMENT, 2,
                commitment(COMMITMENT, "SoftBank Group", "500", Purpose.FABS, CommitmentStatus.DISBURSED, "500", 2)));
        // A marker behind them shows they were read.
        UUID marker = UUID.randomUUID();
        send(TALENT, marker.toString(), envelope("TalentPoolRecorded", "talent-pool", marker, 1, pool(marker, 0, 0, 2030, 1)));
        JsonPath after = awaitScore(json -> json.getInt("inputs.talentPools") == 2);
        assertClose(disbursed.getDouble("capital.ratio"), after.getDouble("capital.ratio"));
        assertEquals(disbursed.getLong("version"), after.getLong("version"), "no score change from a duplicate or a stale event");
    }

    @Test
    @Order(3)
    void poisonIsDeadLetteredAndTheStreamGoesOn() {
        try (EventTopic deadLetters = new EventTopic(DeadLetters.TOPIC)) {
            send(FABS, "k1", "this is not JSON");
            send(FABS, "k2", "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"X\",\"aggregateType\":\"spaceship\"}");
            UUID next = UUID.randomUUID();
            send(FABS, next.toString(), envelope("FabAnnounced", "fab", next, 1,
                    fab(next, "Fab B", FabStatus.ANNOUNCED, 100, null, LocalDate.of(2029, 1, 1), null, 1)));
            awaitScore(json -> json.getInt("inputs.fabs") == 2);

            List<ConsumerRecord<String, String>> dead = deadLetters.await(record -> true, 2, Duration.ofSeconds(30));
            assertEquals(2, dead.size());
            List<String> reasons = dead.stream()
                    .map(record -> new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)).toList();
            assertTrue(reasons.stream().anyMatch(reason -> reason.contains("unknown aggregateType 'spaceship'")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(reason -> reason.startsWith("unreadable event")), reasons.toString());
            assertEquals(FABS, new String(dead.get(0).headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8));
        }
        anyone().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @Order(4)
    void theStateComesBackFromTheDatabaseAndARebuildArrivesAtTheSameScore() throws Throwable {
        JsonPath before = anyone().get("/api/v1/feasibility").then().extract().jsonPath();
        VertxContextSupport.subscribeAndAwait(board::restore);
        JsonPath restored = anyone().get("/api/v1/feasibility").then().extract().jsonPath();
        assertClose(before.getDouble("score"), restored.getDouble("score"));
        assertEquals(before.getInt("inputs.fabs"), restored.getInt("inputs.fabs"));

        EventTopic deadLetters = new EventTopic(DeadLetters.TOPIC);
        asEditor().post("/api/v1/admin/rebuild").then().statusCode(202);
        // Proof that the topics were read again from offset 0: the two poison records come back to the dead-letter topic.
        assertEquals(4, deadLetters.await(record -> true, 4, Duration.ofSeconds(30)).size());
        deadLetters.close();
        JsonPath rebuilt = awaitScore(json -> json.getInt("inputs.fabs") == before.getInt("inputs.fabs")
                && json.getInt("inputs.talentPools") == before.getInt("inputs.talentPools")
                && json.getInt("inputs.commitments") == before.getInt("inputs.commitments")
                && Math.abs(json.getDouble("capital.ratio") - before.getDouble("capital.ratio")) < 1e-9);
        assertClose(before.getDouble("score"), rebuilt.getDouble("score"));
        assertClose(before.getDouble("capacity.ratio"), rebuilt.getDouble("capacity.ratio"));
        assertClose(before.getDouble("talent.ratio"), rebuilt.getDouble("talent.ratio"));
        anyone().post("/api/v1/admin/rebuild").then().statusCode(401);
    }

    @Test
    @Order(5)
    void theStreamSendsTheCurrentScoreAtOnceThenEachChange() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                + "/api/v1/feasibility/stream");
        var lines = client.send(java.net.http.HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines()).body().filter(line -> line.startsWith("data:")).iterator();
        JsonPath first = new JsonPath(lines.next().substring(5));
        long version = first.getLong("version");
        UUID commitment = UUID.randomUUID();
        send(FUNDING, commitment.toString(), envelope("CommitmentRecorded", "commitment", commitment, 1,
                commitment(commitment, "MGX", "100", Purpose.FABS, CommitmentStatus.PLEDGED, "0", 1)));
        JsonPath next = new JsonPath(lines.next().substring(5));
        assertEquals(version + 1, next.getLong("version"));
        assertTrue(next.getString("cause").contains("MGX commitment"), next.getString("cause"));
    }

    private static JsonPath awaitScore(Predicate<JsonPath> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = anyone().get("/api/v1/feasibility").then().statusCode(200).extract().jsonPath();
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("The score never got there; last: " + (last == null ? null : last.prettify()));
    }

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, 1e-6);
    }
}
