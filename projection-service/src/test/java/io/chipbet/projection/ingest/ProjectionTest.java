package io.chipbet.projection.ingest;

import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.fault.FailPoints;
import io.chipbet.platform.testing.EventSchemas;
import io.chipbet.platform.testing.EventTopic;
import io.chipbet.projection.Events;
import io.chipbet.projection.score.ScoreBoard;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Inject
    Pool database;

    @Test
    @Order(1)
    void scoresTheThreeSuppliesAsComputedByHand() {
        try (EventTopic scores = new EventTopic("chipbet.feasibility.scores.v1")) {
            // Capital: $500 committed to fabs, weight 0.7 -> 350 of 1,000 = 0.35.
            send(FUNDING, COMMITMENT.toString(), envelope("CommitmentRecorded", "commitment", COMMITMENT, 1,
                    commitment(COMMITMENT, "SoftBank Group", "500", Purpose.FABS, CommitmentStatus.COMMITTED, "0", 1)));
            // One at a time: across topics, Kafka keeps no order, and the attribution below depends on it.
            awaitScore(json -> json.getInt("inputs.commitments") == 1);
            // Capacity: 600 wafers a month in volume production -> 0.6. Operations: 60 people for 600 wpm.
            send(FABS, FAB.toString(), envelope("FabAnnounced", "fab", FAB, 1,
                    fab(FAB, "Fab A", FabStatus.VOLUME_PRODUCTION, 600, 60, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), 1)));
            awaitScore(json -> json.getInt("inputs.fabs") == 1);
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

            // One score change per applied batch, here one per event.
            List<ConsumerRecord<String, String>> published = scores.await(
                    record -> JsonPath.from(record.value()).getInt("data.inputs.talentPools") == 1, 1, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> all = scores.settle(record -> true, Duration.ofSeconds(1));
            assertTrue(all.stream().allMatch(record -> "altman-7t-2030".equals(record.key())));
            all.forEach(record -> EventSchemas.validate("feasibility/FeasibilityChanged.schema.json", record.value()));
            assertEquals(3, all.stream().mapToInt(record -> JsonPath.from(record.value()).getInt("data.changes")).sum(),
                    () -> "every event that moved the score is counted in a change: " + all.stream().map(ConsumerRecord::value).toList());
            assertClose(35.0, JsonPath.from(published.get(0).value()).getDouble("data.score"));
        }
        // The attribution stays per event, whatever the batching: one point each, newest first.
        JsonPath changes = anyone().get("/api/v1/feasibility/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("TalentPoolRecorded", "FabAnnounced", "CommitmentRecorded"), changes.getList("items.eventType"));
        assertTrue(changes.getString("items[2].description").contains("capital: SoftBank Group commitment recorded"),
                changes.getString("items[2].description"));
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
            assertTrue(dead.stream().anyMatch(record -> "this is not JSON".equals(record.value())), "dead-lettered as it came");
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
        Predicate<ConsumerRecord<String, String>> poisonOfTest3 = record -> "k1".equals(record.key()) || "k2".equals(record.key());
        assertEquals(4, deadLetters.await(poisonOfTest3, 4, Duration.ofSeconds(30)).size());
        deadLetters.close();
        JsonPath rebuilt = awaitScore(json -> json.getInt("inputs.fabs") == before.getInt("inputs.fabs")
                && json.getInt("inputs.talentPools") == before.getInt("inputs.talentPools")
                && json.getInt("inputs.commitments") == before.getInt("inputs.commitments")
                && Math.abs(json.getDouble("capital.ratio") - before.getDouble("capital.ratio")) < 1e-9);
        assertClose(before.getDouble("score"), rebuilt.getDouble("score"));
        assertClose(before.getDouble("capacity.ratio"), rebuilt.getDouble("capacity.ratio"));
        assertClose(before.getDouble("talent.ratio"), rebuilt.getDouble("talent.ratio"));
        assertTrue(rebuilt.getLong("version") > before.getLong("version"),
                "the score's version only grows, so subscribers never take a rebuilt score for a stale one");
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

    @Test
    @Order(6)
    void aBurstIsAppliedInBatchesWithAPointForEveryEvent() {
        JsonPath before = anyone().get("/api/v1/feasibility").then().extract().jsonPath();
        long pointsBefore = anyone().get("/api/v1/feasibility/changes").then().extract().jsonPath().getLong("totalItems");
        int burst = 300;
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            UUID id = UUID.randomUUID();
            // $1 pledged to fabs counts 0.4 (the PLEDGED weight): 300 of them add 120 of the $1,000 target.
            records.add(Map.entry(id.toString(), envelope("CommitmentRecorded", "commitment", id, 1,
                    commitment(id, "Burst " + i, "1", Purpose.FABS, CommitmentStatus.PLEDGED, "0", 1))));
        }
        try (EventTopic scores = new EventTopic("chipbet.feasibility.scores.v1")) {
            Events.sendAll(FUNDING, records);
            JsonPath after = awaitScore(json -> json.getInt("inputs.commitments") == before.getInt("inputs.commitments") + burst);
            assertClose(before.getDouble("capital.ratio") + 0.12, after.getDouble("capital.ratio"));

            long pointsAfter = anyone().get("/api/v1/feasibility/changes").then().extract().jsonPath().getLong("totalItems");
            assertEquals(pointsBefore + burst, pointsAfter, "one point per event that moved the score");
            scores.await(record -> JsonPath.from(record.value()).getLong("data.version") == after.getLong("version"), 1, Duration.ofSeconds(30));
            List<JsonPath> changes = scores.settle(record -> true, Duration.ofMillis(500)).stream().map(record -> JsonPath.from(record.value()))
                    .filter(json -> json.getLong("data.version") > before.getLong("version")).toList();
            assertEquals(burst, changes.stream().mapToInt(json -> json.getInt("data.changes")).sum());
            assertTrue(changes.size() < burst, "a batch publishes one change, not one per event: " + changes.size());
            for (int i = 1; i < changes.size(); i++) {
                assertEquals(changes.get(i - 1).getLong("data.version") + 1, changes.get(i).getLong("data.version"));
            }
        }
    }

    @Test
    @Order(7)
    void anUnchangedScoreIsNotSentAgain() {
        String etag = anyone().get("/api/v1/feasibility").then().statusCode(200).extract().header("ETag");
        anyone().header("If-None-Match", etag).get("/api/v1/feasibility").then().statusCode(304);
        int commitments = anyone().get("/api/v1/feasibility").then().extract().jsonPath().getInt("inputs.commitments");
        UUID id = UUID.randomUUID();
        send(FUNDING, id.toString(), envelope("CommitmentRecorded", "commitment", id, 1,
                commitment(id, "Late", "1", Purpose.FABS, CommitmentStatus.RUMORED, "0", 1)));
        awaitScore(json -> json.getInt("inputs.commitments") == commitments + 1);
        String changed = anyone().header("If-None-Match", etag).get("/api/v1/feasibility").then().statusCode(200)
                .extract().header("ETag");
        assertTrue(!etag.equals(changed), etag + " -> " + changed);
        anyone().get("/api/v1/assumptions").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.hasItems("capitalTargetUsd", "fabCostUsd", "statusWeight.PLEDGED"));
        // The dashboard (checked in a browser by deploy/dashboard-check) is served at the root, fed by the stream.
        anyone().get("/").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .body(org.hamcrest.Matchers.containsString("new EventSource('/api/v1/feasibility/stream')"));
    }

    @Test
    @Order(8)
    void aRebuildDuringABurstKeepsAPointForEveryVersion() {
        int aggregates = 400;
        int versions = 5;
        List<UUID> ids = new ArrayList<>();
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            ids.add(UUID.randomUUID());
        }
        for (int version = 1; version <= versions; version++) {
            for (UUID id : ids) {
                // Each version changes the amount, so each moves capital and earns a point.
                records.add(Map.entry(id.toString(), envelope("CommitmentRevised", "commitment", id, version,
                        commitment(id, "Rebuilt", String.valueOf(version), Purpose.FABS, CommitmentStatus.PLEDGED, "0", version))));
            }
        }
        int commitmentsBefore = anyone().get("/api/v1/feasibility").then().extract().jsonPath().getInt("inputs.commitments");
        Events.sendAll(FUNDING, records);
        // While those are being read: batches fetched before the seek must not be applied to the emptied state.
        asEditor().post("/api/v1/admin/rebuild").then().statusCode(202);
        awaitScore(json -> json.getInt("inputs.commitments") == commitmentsBefore + aggregates);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long points = 0;
        while (System.nanoTime() < deadline && (points = pointsFor(ids)) < (long) aggregates * versions) {
            sleep(100);
        }
        assertEquals((long) aggregates * versions, points, "a point for every version, none skipped as stale");
    }

    @Test
    @Order(9)
    void aBatchWhoseCommitFailsIsSavedBeforeItIsAcknowledged() throws Throwable {
        int fabsBefore = anyone().get("/api/v1/feasibility").then().extract().jsonPath().getInt("inputs.fabs");
        // The commit fails, and so does the reload of the committed state after it.
        FailPoints.arm(FailPoints.PROJECTION_COMMIT, 1);
        FailPoints.arm(FailPoints.PROJECTION_RESTORE, 1);
        try {
            UUID id = UUID.randomUUID();
            send(FABS, id.toString(), envelope("FabAnnounced", "fab", id, 1,
                    fab(id, "Fab after a failed commit", FabStatus.ANNOUNCED, 100, null, LocalDate.of(2029, 1, 1), null, 1)));
            awaitScore(json -> json.getInt("inputs.fabs") == fabsBefore + 1);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && storedVersion(id) == null) {
                sleep(100);
            }
            assertEquals(1L, storedVersion(id), "the event is in the projection's database, not only in memory");
            assertEquals(0, FailPoints.remaining(FailPoints.PROJECTION_COMMIT), "the commit did fail once");
            assertEquals(0, FailPoints.remaining(FailPoints.PROJECTION_RESTORE), "the reload did fail once");
        } finally {
            FailPoints.disarmAll();
        }
        VertxContextSupport.subscribeAndAwait(board::restore);
        assertEquals(fabsBefore + 1, anyone().get("/api/v1/feasibility").then().extract().jsonPath().getInt("inputs.fabs"),
                "what a restart would restore");
    }

    @Test
    @Order(10)
    void wellFormedRecordsThatBreakTheContractAreDeadLetteredAndLaterOnesApplied() {
        JsonPath before = anyone().get("/api/v1/feasibility").then().extract().jsonPath();
        UUID noOperator = UUID.randomUUID();
        UUID noAmount = UUID.randomUUID();
        UUID phantom = UUID.randomUUID();
        UUID noRegion = UUID.randomUUID();
        UUID valid = UUID.randomUUID();
        try (EventTopic deadLetters = new EventTopic(DeadLetters.TOPIC)) {
            send(FABS, noOperator.toString(), Events.mutated(envelope("FabAnnounced", "fab", noOperator, 1,
                    fab(noOperator, "No operator", FabStatus.ANNOUNCED, 100, null, LocalDate.of(2029, 1, 1), null, 1)),
                    tree -> ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("data")).putNull("operator")));
            send(FUNDING, noAmount.toString(), Events.mutated(envelope("CommitmentRecorded", "commitment", noAmount, 1,
                    commitment(noAmount, "No amount", "5", Purpose.FABS, CommitmentStatus.COMMITTED, "0", 1)),
                    tree -> ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("data")).putNull("amountUsd")));
            // data.id names another aggregate than the envelope and the key: a phantom if applied.
            send(FABS, phantom.toString(), envelope("FabAnnounced", "fab", phantom, 1,
                    fab(UUID.randomUUID(), "Phantom", FabStatus.ANNOUNCED, 100, null, LocalDate.of(2029, 1, 1), null, 1)));
            send(TALENT, noRegion.toString(), envelope("ShortfallEstimatePublished", "shortfall-estimate", noRegion, 1,
                    Events.estimate(noRegion, null, 1000, 1)));
            send(FABS, valid.toString(), envelope("FabAnnounced", "fab", valid, 1,
                    fab(valid, "Valid after the poison", FabStatus.ANNOUNCED, 100, null, LocalDate.of(2029, 1, 1), null, 1)));

            Map<String, String> reasons = new java.util.HashMap<>();
            deadLetters.await(record -> java.util.Set.of(noOperator, noAmount, phantom, noRegion).stream().anyMatch(id -> id.toString().equals(record.key())),
                    4, Duration.ofSeconds(30)).forEach(record -> reasons.put(record.key(),
                    new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)));
            assertEquals(4, reasons.size(), reasons::toString);
            assertTrue(reasons.get(noOperator.toString()).contains("operator"), reasons::toString);
            assertTrue(reasons.get(noAmount.toString()).contains("amountUsd"), reasons::toString);
            assertTrue(reasons.get(phantom.toString()).contains("is not the aggregateId"), reasons::toString);
            assertTrue(reasons.get(noRegion.toString()).contains("region"), reasons::toString);
        }
        JsonPath after = awaitScore(json -> json.getInt("inputs.fabs") == before.getInt("inputs.fabs") + 1);
        assertEquals(before.getInt("inputs.commitments"), after.getInt("inputs.commitments"));
        assertEquals(before.getInt("inputs.shortfallEstimates"), after.getInt("inputs.shortfallEstimates"));
        assertEquals(1L, storedVersion(valid));
        anyone().get("/q/health/live").then().statusCode(200);
        anyone().get("/q/health/ready").then().statusCode(200);
    }

    private Long storedVersion(UUID aggregateId) {
        var rows = database.preparedQuery("select version from aggregate_state where aggregate_id = $1")
                .execute(Tuple.of(aggregateId)).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : rows.iterator().next().getLong(0);
    }

    private long pointsFor(List<UUID> aggregateIds) {
        return database.preparedQuery("select count(*) from score_point where aggregate_id = any($1)")
                .execute(Tuple.of(aggregateIds.toArray(new UUID[0]))).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
