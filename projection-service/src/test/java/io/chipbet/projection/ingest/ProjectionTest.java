package io.chipbet.projection.ingest;

import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.contract.score.ScoreTopics;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.platform.contract.talent.TalentTopics;
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
import java.time.Instant;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The projection against a real broker and database, fed by a plain producer. The test plan
 * (application.properties, %test): 10 fabs of 100 wafers a month ($1 per wafer a month) by
 * 2030-12-31, evaluated on 2026-01-01. On the median-input path, money converts at its status's P50
 * and new capacity costs 1.5x the plan's price; a leading-edge fab needs 0.09 staff per wafer a month.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionTest {

    private static final String FUNDING = FundingTopics.COMMITMENTS;
    private static final String FABS = FabTopics.PROJECTS;
    private static final String TALENT = TalentTopics.POOLS;
    private static final UUID COMMITMENT = UUID.randomUUID();
    private static final UUID FAB = UUID.randomUUID();
    private static final UUID POOL = UUID.randomUUID();
    private static final UUID ESTIMATE = UUID.randomUUID();

    @Inject
    ScoreBoard board;

    @Inject
    Pool database;

    @Test
    @Order(1)
    void answersInWafersAMonthAsComputedByHand() {
        try (EventTopic scores = new EventTopic(ScoreTopics.SCORES)) {
            // Capital: $500 committed to fabs converts at 0.9 (P50) = $450, at $1.5 per wpm: 300 wpm of new capacity.
            send(FUNDING, COMMITMENT.toString(), envelope("CommitmentRecorded", "commitment", COMMITMENT, 1,
                    commitment(COMMITMENT, "SoftBank Group", "500", Purpose.FABS, CommitmentStatus.COMMITTED, "0", 1)));
            // One at a time: across topics, Kafka keeps no order, and the attribution below depends on it.
            awaitScore(json -> json.getInt("inputs.commitments") == 1);
            // Fabs: 600 wpm in volume production since 2024, fully ramped: 600 wpm on record.
            send(FABS, FAB.toString(), envelope("FabAnnounced", "fab", FAB, 1,
                    fab(FAB, "Fab A", FabStatus.VOLUME_PRODUCTION, 600, 60, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), 1)));
            awaitScore(json -> json.getInt("inputs.fabs") == 1);
            // Talent: 10 US engineers in 2028, 20 a year, no attrition: 50 in 2030. Alone it moves nothing: the
            // plan comes on top of the industry's own growth, and no demand is on record yet. Against a demand
            // of 32 in 2030: a surplus of 18, at 0.09 staff per wpm, staffs 200 wpm beyond the tracked fab.
            send(TALENT, POOL.toString(), envelope("TalentPoolRecorded", "talent-pool", POOL, 1, pool(POOL, 10, 20, 2028, 1)));
            awaitScore(json -> json.getInt("inputs.talentPools") == 1);
            send(TALENT, ESTIMATE.toString(), envelope("ShortfallEstimatePublished", "shortfall-estimate", ESTIMATE, 1,
                    Events.estimate(ESTIMATE, "US", 0, 32L, 1)));

            JsonPath answer = awaitScore(json -> json.getInt("inputs.shortfallEstimates") == 1
                    && json.get("simulation") != null && json.getBoolean("simulation.current"));
            // Deliverable = 600 + min(buildable, 300, 200) = 800 wpm: 8 of the plan's 10 fabs, bound by talent.
            assertClose(600, answer.getDouble("centralPath.trackedWpm"));
            assertClose(900, answer.getDouble("centralPath.capitalWpm"));
            assertClose(800, answer.getDouble("centralPath.talentWpm"));
            assertClose(800, answer.getDouble("centralPath.deliverableWpm"));
            assertClose(0.8, answer.getDouble("centralPath.shareOfPlan"));
            assertEquals(List.of("talent"), answer.getList("centralPath.binding"));
            assertTrue(answer.getDouble("probability") >= 0 && answer.getDouble("probability") <= 1);
            assertTrue(answer.getString("headline").startsWith("On the record today, the 10-fab plan has a"), answer.getString("headline"));
            assertEquals(List.of("fabs", "capital", "talent"), answer.getList("constraints.name"));
            assertTrue(answer.getDouble("deliverable.wpm.p10") <= answer.getDouble("deliverable.wpm.p50"));
            assertTrue(answer.getDouble("deliverable.wpm.p50") <= answer.getDouble("deliverable.wpm.p90"));
            assertTrue(answer.getList("assumptions.name").contains("plan.fabs"));
            assertTrue(answer.getString("constraints[2].reason").contains("surplus after the industry's own growth 18"),
                    answer.getString("constraints[2].reason"));

            // Every change is published, keyed by plan, valid against its schema, with consecutive versions.
            scores.await(record -> JsonPath.from(record.value()).getLong("data.version") == answer.getLong("version"), 1, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> all = scores.settle(record -> true, Duration.ofSeconds(1));
            assertTrue(all.stream().allMatch(record -> "test-plan".equals(record.key())));
            all.forEach(record -> EventSchemas.validate("feasibility/FeasibilityChanged.schema.json", record.value()));
            assertEquals(3, all.stream().mapToInt(record -> JsonPath.from(record.value()).getInt("data.changes")).sum(),
                    () -> "every event that moved the answer is counted in a change: " + all.stream().map(ConsumerRecord::value).toList());
            List<Long> versions = all.stream().map(record -> JsonPath.from(record.value()).getLong("data.version")).toList();
            for (int i = 1; i < versions.size(); i++) {
                assertEquals(versions.get(i - 1) + 1, versions.get(i), "no gap and no repeat: " + versions);
            }
        }
        // The attribution stays per event, whatever the batching: one point each, newest first.
        JsonPath changes = anyone().get("/api/v1/feasibility/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("ShortfallEstimatePublished", "FabAnnounced", "CommitmentRecorded"), changes.getList("items.eventType"));
        assertEquals("+600 wpm (+6.00 fabs' worth) deliverable: Fab A announced (VOLUME_PRODUCTION, producing since 2024-01-01)",
                changes.getString("items[1].description"));
        assertEquals("+300 wpm (+3.00 fabs' worth) capital: SoftBank Group commitment recorded (COMMITTED, FABS)",
                changes.getString("items[2].description"));
        assertEquals("+200 wpm (+2.00 fabs' worth) deliverable: shortfall estimate for US 2030 published", changes.getString("items[0].description"));
        io.chipbet.platform.testing.Paging.assertRefusesBadPaging("/api/v1/feasibility/changes");
        JsonPath inputs = anyone().get("/api/v1/inputs").then().statusCode(200).extract().jsonPath();
        assertEquals("SoftBank Group", inputs.getString("capital.commitments[0].investor"));
        assertEquals("NEW_CAPACITY", inputs.getString("capital.commitments[0].treatment"));
        assertEquals("counted", inputs.getString("fabs[0].counted"));
        assertClose(18, inputs.getDouble("talent[0].surplus"));
        // Each fact with its sources, for the dashboard's tables (a region's: its pools' and its demand estimates', once each).
        assertEquals(List.of("https://example.org/source"), inputs.getList("fabs[0].sources.url"));
        assertEquals(List.of("A source"), inputs.getList("capital.commitments[0].sources.title"));
        assertEquals(List.of("https://example.org/source"), inputs.getList("talent[0].sources.url"));
    }

    @Test
    @Order(2)
    void aRedeliveryOrAStaleEventChangesNothing() {
        JsonPath before = anyone().get("/api/v1/feasibility").then().extract().jsonPath();
        // Disbursing moves to version 2: $500 paid buys 333 wpm, so capital is 933 (talent still binds at 800) ...
        send(FUNDING, COMMITMENT.toString(), envelope("CommitmentStatusChanged", "commitment", COMMITMENT, 2,
                commitment(COMMITMENT, "SoftBank Group", "500", Purpose.FABS, CommitmentStatus.DISBURSED, "500", 2)));
        JsonPath disbursed = awaitScore(json -> json.getLong("version") > before.getLong("version")
                && Math.abs(json.getDouble("centralPath.capitalWpm") - 600 - 500 / 1.5) < 1e-6
                && json.get("simulation") != null && json.getBoolean("simulation.current"));
        // ... then version 1 arrives again, and version 2 a second time.
        send(FUNDING, COMMITMENT.toString(), envelope("CommitmentRecorded", "commitment", COMMITMENT, 1,
                commitment(COMMITMENT, "SoftBank Group", "500", Purpose.FABS, CommitmentStatus.COMMITTED, "0", 1)));
        send(FUNDING, COMMITMENT.toString(), envelope("CommitmentStatusChanged", "commitment", COMMITMENT, 2,
                commitment(COMMITMENT, "SoftBank Group", "500", Purpose.FABS, CommitmentStatus.DISBURSED, "500", 2)));
        // A marker behind them shows they were read.
        UUID marker = UUID.randomUUID();
        send(TALENT, marker.toString(), envelope("TalentPoolRecorded", "talent-pool", marker, 1, pool(marker, 0, 0, 2030, 1)));
        JsonPath after = awaitScore(json -> json.getInt("inputs.talentPools") == 2);
        assertClose(disbursed.getDouble("centralPath.capitalWpm"), after.getDouble("centralPath.capitalWpm"));
        assertEquals(disbursed.getLong("version"), after.getLong("version"), "no change from a duplicate or a stale event");
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
        assertClose(before.getDouble("centralPath.deliverableWpm"), restored.getDouble("centralPath.deliverableWpm"));
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
                && Math.abs(json.getDouble("centralPath.capitalWpm") - before.getDouble("centralPath.capitalWpm")) < 1e-9);
        assertClose(before.getDouble("centralPath.deliverableWpm"), rebuilt.getDouble("centralPath.deliverableWpm"));
        assertClose(before.getDouble("centralPath.fabsWpm"), rebuilt.getDouble("centralPath.fabsWpm"));
        assertClose(before.getDouble("centralPath.talentWpm"), rebuilt.getDouble("centralPath.talentWpm"));
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
        UUID fab = UUID.randomUUID();
        send(FABS, fab.toString(), envelope("FabAnnounced", "fab", fab, 1,
                fab(fab, "Fab M", FabStatus.VOLUME_PRODUCTION, 100, null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), 1)));
        // The median-input path moves at once; the simulation's probability follows as a further change.
        JsonPath next = new JsonPath(lines.next().substring(5));
        while (next.getString("cause") == null || !next.getString("cause").contains("Fab M")) {
            next = new JsonPath(lines.next().substring(5));
        }
        assertTrue(next.getLong("version") > version);
        assertEquals("+100 wpm (+1.00 fabs' worth) deliverable: Fab M announced (VOLUME_PRODUCTION, producing since 2025-01-01)",
                next.getString("cause"));
        assertFalse(next.getBoolean("simulation.current"), "the probability is the previous record's until the simulation ends");
        JsonPath simulated = new JsonPath(lines.next().substring(5));
        assertEquals(next.getLong("version") + 1, simulated.getLong("version"));
        assertTrue(simulated.getBoolean("simulation.current"));
        assertEquals(0, simulated.getInt("changes"));
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
            // $1 pledged to fabs converts at 0.6 (P50) and buys 0.4 wpm at $1.5: 300 of them add 120 wpm of capital.
            records.add(Map.entry(id.toString(), envelope("CommitmentRecorded", "commitment", id, 1,
                    commitment(id, "Burst " + i, "1", Purpose.FABS, CommitmentStatus.PLEDGED, "0", 1))));
        }
        try (EventTopic scores = new EventTopic(ScoreTopics.SCORES)) {
            Events.sendAll(FUNDING, records);
            JsonPath after = awaitScore(json -> json.getInt("inputs.commitments") == before.getInt("inputs.commitments") + burst);
            assertClose(before.getDouble("centralPath.capitalWpm") + 120, after.getDouble("centralPath.capitalWpm"));

            long pointsAfter = anyone().get("/api/v1/feasibility/changes").then().extract().jsonPath().getLong("totalItems");
            assertEquals(pointsBefore + burst, pointsAfter, "one point per event that moved the score");
            scores.await(record -> JsonPath.from(record.value()).getLong("data.version") == after.getLong("version"), 1, Duration.ofSeconds(30));
            List<JsonPath> changes = scores.settle(record -> true, Duration.ofSeconds(2)).stream().map(record -> JsonPath.from(record.value()))
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
                .body("name", org.hamcrest.Matchers.hasItems("plan.fabs", "plan.costPerFabUsd", "capital.conversion.PLEDGED"));
        // The dashboard (checked in a browser by deploy/dashboard-check) is served at the root, fed by the stream,
        // with its chart library from a WebJar on this server: nothing from a CDN, so it works offline.
        String page = anyone().get("/").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .body(org.hamcrest.Matchers.containsString("<script type=\"module\" src=\"/dashboard/main.js\">")).extract().asString();
        assertTrue(!page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no script, style or font from another server");
        anyone().get("/dashboard/main.js").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/feasibility/stream"));
        anyone().get("/webjars/echarts/5.3.1/dist/echarts.esm.min.js").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("javascript"));
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
                    Events.estimate(noRegion, null, 1000, null, 1)));
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

    @Test
    @Order(11)
    void theAnswerIsScrapedAsPrometheusGaugesWithTheValuesTheApiServes() {
        JsonPath answer = awaitScore(json -> json.get("simulation") != null && json.getBoolean("simulation.current"));
        String metrics = anyone().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(answer.getDouble("probability"), gauge(metrics, "chipbet_feasibility_probability"), 1e-9);
        assertEquals(answer.getDouble("deliverable.wpm.p50"), gauge(metrics, "chipbet_deliverable_wpm{quantile=\"p50\"}"), 1e-6);
        assertEquals(answer.getDouble("constraints[2].wpm.p90"),
                gauge(metrics, "chipbet_constraint_wpm{constraint=\"talent\",quantile=\"p90\"}"), 1e-6);
        assertEquals(answer.getLong("version"), (long) gauge(metrics, "chipbet_feasibility_version"));
        // The projection's own outbox (the answer's events) drains, and the poison of the earlier tests is counted by reason.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); // counted every 5 s
        while (gauge(metrics, "chipbet_outbox_pending") != 0 && System.nanoTime() < deadline) {
            sleep(500);
            metrics = anyone().get("/q/metrics").then().statusCode(200).extract().asString();
        }
        assertEquals(0.0, gauge(metrics, "chipbet_outbox_pending"), 0.0);
        assertEquals(0.0, gauge(metrics, "chipbet_outbox_oldest_pending_seconds"), 0.0);
        assertTrue(gauge(metrics, "chipbet_projection_dead_letters_total{reason=\"contract\",topic=\"chipbet.fabs.projects.v1\"}") >= 1);
    }

    @Test
    @Order(12)
    void theInputsGiveEachRolesShortfallWithItsStudy() {
        int estimates = anyone().get("/api/v1/feasibility").then().extract().jsonPath().getInt("inputs.shortfallEstimates");
        SourceRef study = new SourceRef("https://example.org/study", "A study by role");
        Instant now = Instant.now();
        // Engineers twice (the newer counts), technicians once, and a target year further from the horizon that does not count.
        List<ShortfallEstimateState> published = List.of(
                Events.estimate(UUID.randomUUID(), "US", TalentRole.ENGINEER, 2030, 5, study, now.minusSeconds(60)),
                Events.estimate(UUID.randomUUID(), "US", TalentRole.ENGINEER, 2030, 6, study, now),
                Events.estimate(UUID.randomUUID(), "US", TalentRole.TECHNICIAN, 2030, 7, study, now),
                Events.estimate(UUID.randomUUID(), "US", TalentRole.TECHNICIAN, 2035, 70, study, now));
        for (ShortfallEstimateState estimate : published) {
            send(TALENT, estimate.id().toString(), envelope("ShortfallEstimatePublished", "shortfall-estimate", estimate.id(), 1, estimate));
        }
        awaitScore(json -> json.getInt("inputs.shortfallEstimates") == estimates + published.size());
        JsonPath inputs = anyone().get("/api/v1/inputs").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("ENGINEER", "TECHNICIAN"), inputs.getList("talent[0].byRole.role"));
        assertEquals(List.of(6, 7), inputs.getList("talent[0].byRole.shortfall"));
        assertEquals(List.of(2030, 2030), inputs.getList("talent[0].byRole.targetYear"));
        assertEquals("A study by role", inputs.getString("talent[0].byRole[0].source.title"));
        assertTrue(inputs.getList("talent[0].sources.url").contains("https://example.org/study"), "the region's sources name the study");
    }

    /**
     * A record is read only in its contract's own JSON types: a number as text, a float for an integer, a number
     * for an enum or a version as text is poison, never coerced into a phantom fact (found by the fault suite, F8).
     * A tombstone is dead-lettered as it came, a null value.
     */
    @Test
    @Order(13)
    void wronglyTypedRecordsAreDeadLetteredNotCoerced() {
        JsonPath before = anyone().get("/api/v1/feasibility").then().extract().jsonPath();
        Map<UUID, String> poison = new java.util.LinkedHashMap<>();
        UUID versionAsText = UUID.randomUUID();
        send(FABS, versionAsText.toString(), Events.mutated(fabEnvelope(versionAsText), tree -> tree.put("aggregateVersion", "1")));
        poison.put(versionAsText, "aggregateVersion");
        UUID capacityAsText = UUID.randomUUID();
        send(FABS, capacityAsText.toString(), Events.mutated(fabEnvelope(capacityAsText), tree -> dataOf(tree).put("capacityWafersPerMonth", "100")));
        poison.put(capacityAsText, "capacityWafersPerMonth");
        UUID fractionalCapacity = UUID.randomUUID();
        send(FABS, fractionalCapacity.toString(), Events.mutated(fabEnvelope(fractionalCapacity), tree -> dataOf(tree).put("capacityWafersPerMonth", 1.5)));
        poison.put(fractionalCapacity, "capacityWafersPerMonth");
        UUID nodeClassAsNumber = UUID.randomUUID();
        send(FABS, nodeClassAsNumber.toString(), Events.mutated(fabEnvelope(nodeClassAsNumber), tree -> dataOf(tree).put("nodeClass", 0)));
        poison.put(nodeClassAsNumber, "nodeClass");
        UUID purposeAsNumber = UUID.randomUUID();
        send(FUNDING, purposeAsNumber.toString(), Events.mutated(envelope("CommitmentRecorded", "commitment", purposeAsNumber, 1,
                commitment(purposeAsNumber, "Typed", "5", Purpose.FABS, CommitmentStatus.COMMITTED, "0", 1)),
                tree -> dataOf(tree).put("purpose", 0)));
        poison.put(purposeAsNumber, "purpose");
        UUID amountAsText = UUID.randomUUID();
        send(FUNDING, amountAsText.toString(), Events.mutated(envelope("CommitmentRecorded", "commitment", amountAsText, 1,
                commitment(amountAsText, "Typed", "5", Purpose.FABS, CommitmentStatus.COMMITTED, "0", 1)),
                tree -> dataOf(tree).put("amountUsd", "5")));
        poison.put(amountAsText, "amountUsd");
        UUID headcountAsText = UUID.randomUUID();
        send(TALENT, headcountAsText.toString(), Events.mutated(envelope("TalentPoolRecorded", "talent-pool", headcountAsText, 1,
                Events.pool(headcountAsText, 1000, 10, 2022, 1)), tree -> dataOf(tree).put("headcount", "1000")));
        poison.put(headcountAsText, "headcount");
        UUID tombstone = UUID.randomUUID();
        Events.sendAll(FABS, List.of(new java.util.AbstractMap.SimpleEntry<>(tombstone.toString(), (String) null)));
        poison.put(tombstone, "empty value");
        UUID valid = UUID.randomUUID();
        send(FABS, valid.toString(), fabEnvelope(valid));

        try (EventTopic deadLetters = new EventTopic(DeadLetters.TOPIC)) {
            Map<String, ConsumerRecord<String, String>> lettered = new java.util.HashMap<>();
            deadLetters.await(record -> poison.keySet().stream().anyMatch(id -> id.toString().equals(record.key())), poison.size(),
                    Duration.ofSeconds(30)).forEach(record -> lettered.put(record.key(), record));
            for (Map.Entry<UUID, String> entry : poison.entrySet()) {
                ConsumerRecord<String, String> letter = lettered.get(entry.getKey().toString());
                assertTrue(letter != null, "not dead-lettered: the record whose " + entry.getValue() + " is mistyped");
                String reason = new String(letter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
                assertTrue(reason.contains(entry.getValue()), entry.getValue() + ": " + reason);
            }
            assertEquals(null, lettered.get(tombstone.toString()).value(), "a tombstone is dead-lettered as it came");
        }
        JsonPath after = awaitScore(json -> json.getInt("inputs.fabs") == before.getInt("inputs.fabs") + 1);
        assertEquals(before.getInt("inputs.commitments"), after.getInt("inputs.commitments"));
        assertEquals(before.getInt("inputs.talentPools"), after.getInt("inputs.talentPools"));
        for (UUID id : poison.keySet()) {
            assertEquals(null, storedVersion(id), "no phantom of " + poison.get(id));
        }
        anyone().get("/q/health/ready").then().statusCode(200);
    }

    private static String fabEnvelope(UUID id) {
        return envelope("FabAnnounced", "fab", id, 1, fab(id, "Typed fab", FabStatus.ANNOUNCED, 100, null, LocalDate.of(2029, 1, 1), null, 1));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode dataOf(com.fasterxml.jackson.databind.node.ObjectNode envelope) {
        return (com.fasterxml.jackson.databind.node.ObjectNode) envelope.get("data");
    }

    /** The value of one sample line in Prometheus' text format. */
    private static double gauge(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " is not scraped: " + metrics.lines().filter(l -> l.startsWith("chipbet")).toList()));
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
        return io.chipbet.platform.testing.Await.until(() -> anyone().get("/api/v1/feasibility").then().statusCode(200).extract().jsonPath(),
                condition, Duration.ofSeconds(30), score -> "the score " + score.prettify());
    }

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, 1e-6);
    }
}
