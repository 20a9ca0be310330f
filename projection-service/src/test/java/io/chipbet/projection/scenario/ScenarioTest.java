package io.chipbet.projection.scenario;

import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.score.ScenarioTopics;
import io.chipbet.platform.testing.EventSchemas;
import io.chipbet.platform.testing.EventTopic;
import io.chipbet.platform.testing.OpenApiResponses;
import io.chipbet.platform.testing.Paging;
import io.chipbet.projection.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chipbet.platform.testing.Api.anyone;
import static io.chipbet.platform.testing.Api.asEditor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenarios on the live record, against a real broker and database. The record is whatever the other
 * tests of this service left, so each check here is relative to the baseline, or made independent of
 * it: a scenario whose plan is 1,000 fabs of 100 wpm dwarfs whatever else is on record.
 */
@QuarkusTest
class ScenarioTest {

    private static final String FABS = "chipbet.fabs.projects.v1";

    @Inject
    ScenarioEvaluations evaluations;

    @Inject
    io.vertx.mutiny.sqlclient.Pool database;

    @Inject
    ScenarioService service;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/scenarios")
    java.net.URI scenarios;

    /**
     * A scenario sent without a Content-Type was taken as JSON and created (found by the fault suite's
     * bad-input corpus); the producers' writes refuse it. Refused with 415 problem+json, like text/plain.
     */
    @Test
    void aScenarioWithoutAJsonContentTypeIsRefusedWith415() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String token = io.chipbet.infra.security.Tokens.forTests().editor();
        for (String type : new String[]{null, "text/plain"}) {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(scenarios)
                    .header("Authorization", "Bearer " + token)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(spec("No content type", "[]", "null")));
            if (type != null) {
                request.header("Content-Type", type);
            }
            java.net.http.HttpResponse<String> response = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(415, response.statusCode(), type + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), type + ": " + response.headers());
        }
        assertFalse(anyone().get("/api/v1/scenarios").asString().contains("No content type"));
    }

    /** A retry with the same key gets the first answer and creates nothing; another body under that key is refused. */
    @Test
    void aCreationRetriedWithItsIdempotencyKeyCreatesOneScenario() {
        String key = "scenario-" + UUID.randomUUID();
        String first = asEditor().contentType("application/json").header("Idempotency-Key", key).body(spec("Retried", "[]", "null"))
                .post("/api/v1/scenarios").then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue())
                .extract().header("Location");
        asEditor().contentType("application/json").header("Idempotency-Key", key).body(spec("Retried", "[]", "null"))
                .post("/api/v1/scenarios").then().statusCode(201).header("Location", equalTo(first)).header("Idempotent-Replayed", "true");
        asEditor().contentType("application/json").header("Idempotency-Key", key).body(spec("Another body", "[]", "null"))
                .post("/api/v1/scenarios").then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, anyone().get("/api/v1/scenarios?size=100").jsonPath().getList("items.name").stream().filter("Retried"::equals).count());
    }

    /** Each answer, a success with its nulls and a problem alike, is what the OpenAPI document declares. */
    @Test
    void answersAsItsOpenApiDocumentSays() {
        String location = OpenApiResponses.assertDocumented("post", "/api/v1/scenarios",
                asEditor().contentType("application/json").body(spec("Documented", "[]", "null")).post("/api/v1/scenarios")).header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        List<String> failures = new java.util.ArrayList<>();
        check(failures, () -> OpenApiResponses.assertDocumented("get", "/api/v1/scenarios/{id}", anyone().get("/api/v1/scenarios/" + id)));
        check(failures, () -> OpenApiResponses.assertDocumented("get", "/api/v1/scenarios", anyone().get("/api/v1/scenarios")));
        check(failures, () -> OpenApiResponses.assertDocumented("get", "/api/v1/scenarios/{id}", anyone().get("/api/v1/scenarios/" + UUID.randomUUID())));
        check(failures, () -> OpenApiResponses.assertDocumented("get", "/api/v1/scenarios", anyone().queryParam("size", 0).get("/api/v1/scenarios")));
        check(failures, () -> OpenApiResponses.assertDocumented("get", "/api/v1/feasibility", anyone().get("/api/v1/feasibility")));
        check(failures, () -> OpenApiResponses.assertDocumented("get", "/api/v1/inputs", anyone().get("/api/v1/inputs")));
        check(failures, () -> OpenApiResponses.assertDocumented("get", "/api/v1/assumptions", anyone().get("/api/v1/assumptions")));
        check(failures, () -> OpenApiResponses.assertDocumented("get", "/api/v1/feasibility/changes", anyone().get("/api/v1/feasibility/changes")));
        check(failures, () -> OpenApiResponses.assertDocumented("get", "/api/v1/feasibility/history", anyone().get("/api/v1/feasibility/history")));
        check(failures, () -> OpenApiResponses.assertDocumented("get", "/api/v1/feasibility/history/news", anyone().get("/api/v1/feasibility/history/news")));
        check(failures, () -> OpenApiResponses.assertDocumented("delete", "/api/v1/scenarios/{id}", asEditor().delete("/api/v1/scenarios/" + id)));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void check(List<String> failures, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }

    @Test
    void aScenarioIsCreatedReadRevisedAndDeletedWithItsETag() throws Throwable {
        String location = asEditor().contentType("application/json").body(spec("Crud", "[]", "null"))
                .post("/api/v1/scenarios").then().statusCode(201).header("ETag", "\"1\"").extract().header("Location");
        String path = java.net.URI.create(location).getPath();
        anyone().get(path).then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Crud")).body("source.kind", equalTo("api"))
                .body("source.namespace", org.hamcrest.Matchers.nullValue());
        assertTrue(Paging.all("/api/v1/scenarios").stream().anyMatch(scenario -> "Crud".equals(scenario.get("name"))));
        Paging.assertRefusesBadPaging("/api/v1/scenarios");

        asEditor().contentType("application/json").body(spec("Crud", "[]", "null")).put(path).then().statusCode(428);
        asEditor().contentType("application/json").header("If-Match", "\"7\"").body(spec("Crud", "[]", "null")).put(path).then().statusCode(412);
        asEditor().contentType("application/json").header("If-Match", "\"1\"").body(spec("Crud, revised", "[]", "null")).put(path)
                .then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("Crud, revised"));
        anyone().contentType("application/json").body(spec("Anonymous", "[]", "null")).post("/api/v1/scenarios").then().statusCode(401);
        anyone().delete(path).then().statusCode(401);

        // It survives the loss of memory: it is read back from the database, as after a restart.
        UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        evaluations.removed(id);
        evaluations.load(null);
        anyone().get(path + "/feasibility").then().statusCode(200).body("name", equalTo("Crud, revised")).body("revision", equalTo(2));

        asEditor().delete(path).then().statusCode(204);
        anyone().get(path).then().statusCode(404).contentType("application/problem+json");
        anyone().get(path + "/feasibility").then().statusCode(404);
    }

    @Test
    void badOverridesAndUnknownFactsAreRefusedNamingTheFieldAndNothingIsWritten() {
        long before = anyone().get("/api/v1/scenarios").then().extract().jsonPath().getLong("totalItems");
        asEditor().contentType("application/json")
                .body(spec("Bad staffing", "[]", "{\"staffPerWpm\": {\"p10\": 0.2, \"p50\": 0.1, \"p90\": 0.3}}"))
                .post("/api/v1/scenarios").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("staffPerWpm")));
        asEditor().contentType("application/json").body(spec("Too many samples", "[]", "{\"samples\": 5000000}"))
                .post("/api/v1/scenarios").then().statusCode(400).body("violations.field", hasItem(org.hamcrest.Matchers.containsString("samples")));
        asEditor().contentType("application/json")
                .body(spec("Unknown fab", "[{\"kind\": \"DELAY_FAB\", \"fabId\": \"" + UUID.randomUUID() + "\", \"months\": 24}]", "null"))
                .post("/api/v1/scenarios").then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("changes[0].fabId"));
        asEditor().contentType("application/json").body(spec("Unknown plan", "[]", "{\"plan\": {\"key\": \"no-such-plan\"}}"))
                .post("/api/v1/scenarios").then().statusCode(422).body("violations.field", hasItem("overrides.plan.key"));
        asEditor().contentType("application/json").body(spec("Unknown kind", "[{\"kind\": \"BUY_TSMC\"}]", "null"))
                .post("/api/v1/scenarios").then().statusCode(400).contentType("application/problem+json");
        anyone().get("/api/v1/scenarios").then().body("totalItems", equalTo((int) before));
        anyone().get("/api/v1/scenarios/" + UUID.randomUUID() + "/feasibility").then().statusCode(404);
        anyone().get("/api/v1/scenarios/compare?ids=not-a-uuid").then().statusCode(400).body("violations.field", hasItem("ids"));
    }

    @Test
    void aScenarioIsAnsweredInTheBaselinesShapeWithItsDifference() {
        // A 5,000-wpm fab producing from mid-2026 adds 5,000 wpm in (nearly) every sample: the test plan's
        // 1,000 wpm is then met, and the P50 moves by the fab's capacity.
        String path = create(spec("A large fab in Taiwan",
                "[{\"kind\": \"ADD_FAB\", \"name\": \"Hypothetical\", \"operator\": \"TSMC\", \"region\": \"TW\", \"nodeClass\": \"LEADING_EDGE\","
                        + " \"capacityWpm\": 5000, \"productionDate\": \"2026-06-30\"}]", "null"));
        JsonPath answer = ScenarioAnswers.awaitFirst(path);
        JsonPath baseline = anyone().get("/api/v1/feasibility").then().extract().jsonPath();
        assertTrue(answer.getDouble("feasibility.probability") > 0.99, answer.prettify());
        assertEquals(5000, answer.getDouble("difference.deliverableWpm.p50"), 60);
        assertEquals(100 * (answer.getDouble("feasibility.probability") - baseline.getDouble("probability")),
                answer.getDouble("difference.probabilityPoints"), 1e-9);
        assertTrue(answer.getString("feasibility.headline").startsWith("On the record today"), answer.getString("feasibility.headline"));
        assertNotNull(answer.get("feasibility.constraints"));
        JsonPath compared = anyone().get("/api/v1/scenarios/compare?ids=" + idOf(path)).then().statusCode(200).extract().jsonPath();
        assertEquals("baseline", compared.getString("[0].name"));
        assertEquals("A large fab in Taiwan", compared.getString("[1].name"));
        assertEquals(answer.getDouble("difference.probabilityPoints"), compared.getDouble("[1].difference.probabilityPoints"), 1e-9);
    }

    @Test
    void goalSeekingFindsTheSmallestChangeAlongEachLeverOnAHandCheckedCase() {
        // Plan: 1,000 fabs of 100 wpm (100,000 wpm), nothing new can be built, fabs start at nameplate. One hypothetical
        // Taiwanese fab of 100,000 wpm planned for 2031-06-30, six months after the horizon: P = 0. Its further slip is the
        // prior alone (no Taiwanese peers), exponential with mean 6 months, so with the horizon Δ months after its plan,
        // P = 1 - exp(-Δ/6): at 11 months later (Δ = 5.0) P = 0.565, at 12 (Δ = 6.0) P = 0.632. For P >= 0.6: 12 months.
        String path = create(spec("Goal seek",
                "[{\"kind\": \"ADD_FAB\", \"name\": \"Late\", \"operator\": \"TSMC\", \"region\": \"TW\", \"nodeClass\": \"LEADING_EDGE\","
                        + " \"capacityWpm\": 100000, \"productionDate\": \"2031-06-30\"}]",
                "{\"plan\": {\"fabs\": 1000}, \"surge\": {\"p10\": 0, \"p50\": 0, \"p90\": 0}, \"rampMonths\": {\"p10\": 0, \"p50\": 0, \"p90\": 0},"
                        + " \"slipPriorMeanMonths\": 6}"));
        ScenarioAnswers.awaitFirst(path);
        JsonPath requirements = anyone().get(path + "/requirements?probability=0.6").then().statusCode(200).extract().jsonPath();
        Map<String, Object> horizon = requirements.getMap("find { it.lever == 'later horizon' }");
        assertEquals(true, horizon.get("reachable"), horizon::toString);
        assertTrue(((String) horizon.get("change")).startsWith("horizon 12 months later (2031-12-31)"), horizon::toString);
        assertEquals(0.632, ((Number) horizon.get("probabilityAfter")).doubleValue(), 0.04);
        Map<String, Object> noSlip = requirements.getMap("find { it.lever == 'no further slip' }");
        assertEquals(false, noSlip.get("reachable"), "planned after the horizon, it misses even without slip");
        Map<String, Object> surge = requirements.getMap("find { it.lever == \"builders' surge\" }");
        assertNotNull(surge.get("probabilityAfter"));
        anyone().get(path + "/requirements?probability=2").then().statusCode(400);
    }

    @Test
    void aLiveEventMovesTheBaselineAndTheScenarioOnTheirStreamsAndTheScenarioTopic() throws Exception {
        String path = create(spec("Live", "[]", "{\"plan\": {\"fabs\": 1000}}"));
        UUID id = idOf(path);
        JsonPath first = ScenarioAnswers.awaitFirst(path);
        try (EventTopic topic = new EventTopic(ScenarioTopics.SCENARIOS)) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            String base = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
            var scenarioLines = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path + "/stream"))
                    .header("Accept", "text/event-stream").build(), java.net.http.HttpResponse.BodyHandlers.ofLines()).body()
                    .filter(line -> line.startsWith("data:")).iterator();
            var baselineLines = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/feasibility/stream"))
                    .header("Accept", "text/event-stream").build(), java.net.http.HttpResponse.BodyHandlers.ofLines()).body()
                    .filter(line -> line.startsWith("data:")).iterator();
            long baselineVersion = new JsonPath(baselineLines.next().substring(5)).getLong("version");
            assertEquals(id.toString(), new JsonPath(scenarioLines.next().substring(5)).getString("id"));

            UUID fab = UUID.randomUUID();
            Events.send(FABS, fab.toString(), Events.envelope("FabAnnounced", "fab", fab, 1,
                    Events.fab(fab, "Live fab", FabStatus.VOLUME_PRODUCTION, 3000, null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), 1)));
            assertTrue(new JsonPath(baselineLines.next().substring(5)).getLong("version") > baselineVersion);
            // A pass already due (another test's record, under load) may come first; the event's own pass follows it.
            JsonPath moved = new JsonPath(scenarioLines.next().substring(5));
            for (int skipped = 0; moved.getLong("inputsVersion") <= first.getLong("inputsVersion") && skipped < 5; skipped++) {
                moved = new JsonPath(scenarioLines.next().substring(5));
            }
            assertTrue(moved.getLong("inputsVersion") > first.getLong("inputsVersion"));
            assertEquals(3000, moved.getDouble("feasibility.centralPath.trackedWpm") - first.getDouble("feasibility.centralPath.trackedWpm"), 1e-6);

            List<ConsumerRecord<String, String>> published = topic.await(record -> id.toString().equals(record.key()), 2, Duration.ofSeconds(30));
            assertTrue(published.size() >= 2, "the first answer and the moved one: " + published.size());
            published.forEach(record -> EventSchemas.validate("feasibility/ScenarioEvaluated.schema.json", record.value()));
            List<Long> versions = published.stream().map(record -> JsonPath.from(record.value()).getLong("aggregateVersion")).toList();
            for (int i = 1; i < versions.size(); i++) {
                assertEquals(versions.get(i - 1) + 1, versions.get(i), versions::toString);
            }
        }
    }

    /**
     * Rows as other replicas write them: one with a spec this version cannot read (a newer version's kind of change, in a rollout
     * or after a rollback), one whose overrides name a plan this configuration does not have, and one it can read. Each is answered
     * at once, from its row, before any record makes the pass re-read the table; the pass then skips the first two and still picks
     * up the third.
     */
    @Test
    void aStoredScenarioThisReplicaCannotReadIsSkippedAndTheOthersAreStillRead() throws Exception {
        UUID unreadable = UUID.randomUUID();
        UUID misfit = UUID.randomUUID();
        UUID readable = UUID.randomUUID();
        insertAsAnotherReplica(unreadable, "{\"name\": \"From a newer version\", \"changes\": [{\"kind\": \"A_NEWER_KIND_OF_CHANGE\"}]}");
        insertAsAnotherReplica(misfit, spec("A plan since removed", "[]", "{\"plan\": {\"key\": \"a-removed-plan\"}}"));
        insertAsAnotherReplica(readable, spec("Written by another replica", "[]", "null"));
        String path = "/api/v1/scenarios/" + unreadable;
        try {
            // No record came since they were written: each is still answered as it stands, not a 404.
            anyone().get("/api/v1/scenarios/" + readable + "/feasibility").then().statusCode(200).body("id", equalTo(readable.toString()));
            assertUnreadable(unreadable, "A_NEWER_KIND_OF_CHANGE");
            assertUnreadable(misfit, "a-removed-plan");

            UUID fab = UUID.randomUUID(); // a record: the pass after it reads the table again
            Events.send(FABS, fab.toString(), Events.envelope("FabAnnounced", "fab", fab, 1,
                    Events.fab(fab, "Reread fab", FabStatus.ANNOUNCED, 1000, null, LocalDate.of(2029, 1, 1), LocalDate.of(2029, 1, 1), 1)));
            io.chipbet.platform.testing.Await.until(() -> evaluations.held(readable), java.util.Optional::isPresent, Duration.ofSeconds(30),
                    entry -> "the readable scenario was not picked up: the unreadable ones stopped the read");
            ScenarioAnswers.awaitFirst("/api/v1/scenarios/" + readable);
            assertTrue(evaluations.held(unreadable).isEmpty() && evaluations.held(misfit).isEmpty(), "not answered");

            // Still shown, as far as this version can: its name, revision and source, and why its spec is not.
            OpenApiResponses.assertDocumented("get", "/api/v1/scenarios/{id}", anyone().get(path));
            OpenApiResponses.assertDocumented("get", "/api/v1/scenarios", anyone().queryParam("size", 100).get("/api/v1/scenarios"));
            OpenApiResponses.assertDocumented("get", "/api/v1/scenarios/{id}/feasibility", anyone().get(path + "/feasibility"));
            anyone().get(path).then().statusCode(200).body("name", equalTo("another replica's")).body("revision", equalTo(1))
                    .body("source.kind", equalTo("api")).body("changes", org.hamcrest.Matchers.nullValue())
                    .body("unreadableBecause", org.hamcrest.Matchers.containsString("A_NEWER_KIND_OF_CHANGE"));
            // A readable spec that does not fit is shown whole, with why it is not evaluated.
            anyone().get("/api/v1/scenarios/" + misfit).then().statusCode(200).body("name", equalTo("A plan since removed"))
                    .body("changes", org.hamcrest.Matchers.empty())
                    .body("unreadableBecause", org.hamcrest.Matchers.containsString("a-removed-plan"));
            List<Map<String, Object>> all = Paging.all("/api/v1/scenarios");
            for (UUID skipped : List.of(unreadable, misfit)) {
                Map<String, Object> listed = all.stream().filter(scenario -> skipped.toString().equals(scenario.get("id"))).findFirst()
                        .orElseThrow(() -> new AssertionError("the listing left it out"));
                assertTrue(listed.get("unreadableBecause") != null, String.valueOf(listed));
            }
            Map<String, Object> listedReadable = all.stream().filter(scenario -> readable.toString().equals(scenario.get("id"))).findFirst()
                    .orElseThrow(() -> new AssertionError("the listing left out the readable one"));
            assertTrue(!listedReadable.containsKey("unreadableBecause"), "a readable one says nothing of it: " + listedReadable);

            // Deleted, it is gone: a 404, no longer a 409.
            asEditor().delete(path).then().statusCode(204);
            anyone().get(path + "/feasibility").then().statusCode(404).contentType("application/problem+json");
            anyone().accept("text/event-stream").get(path + "/stream").then().statusCode(404).contentType("application/problem+json");
        } finally {
            // Gone before another test lists the scenarios.
            for (UUID id : List.of(unreadable, misfit, readable)) {
                database.preparedQuery("delete from scenario where id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(id))
                        .await().atMost(Duration.ofSeconds(10));
            }
        }
    }

    /** Every way of asking for its answer is a 409 that says why, not a 404 for a scenario that is there (nor a 200 stream cut off). */
    private static void assertUnreadable(UUID id, String why) {
        String path = "/api/v1/scenarios/" + id;
        for (String ask : List.of(path + "/feasibility", path + "/requirements", "/api/v1/scenarios/compare?ids=" + id)) {
            anyone().get(ask).then().statusCode(409).contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.endsWith("unreadable-scenario"))
                    .body("detail", org.hamcrest.Matchers.containsString(why));
        }
        anyone().accept("text/event-stream").get(path + "/stream").then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("unreadable-scenario"));
    }

    private void insertAsAnotherReplica(UUID id, String spec) {
        database.preparedQuery("insert into scenario (id, name, spec, revision, source, result_version, created_at, updated_at) "
                        + "values ($1, 'another replica''s', $2, 1, 'api', 0, now(), now())")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id, spec)).await().atMost(Duration.ofSeconds(10));
    }

    private static String create(String body) {
        String location = asEditor().contentType("application/json").body(body).post("/api/v1/scenarios")
                .then().statusCode(201).extract().header("Location");
        return java.net.URI.create(location).getPath();
    }

    private static UUID idOf(String path) {
        return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }

    /**
     * A scenario the operator declared (as FeasibilityScenarioReconciler does for a resource): checked as POST checks a
     * body, listed with its source, read-only over REST (409 problem+json for PUT and DELETE), and gone once withdrawn.
     */
    @Test
    void aScenarioFromKubernetesIsListedWithItsSourceAndIsReadOnlyHere() throws Throwable {
        UUID uid = UUID.randomUUID();
        ScenarioSpec declared = json.readValue(spec("Declared in Kubernetes", "[]", "{\"samples\": 2000}"), ScenarioSpec.class);
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> service.declare(uid, "chipbet", "declared-one", declared));
        String path = "/api/v1/scenarios/" + uid;
        anyone().get(path).then().statusCode(200).body("source.kind", equalTo("kubernetes")).body("source.namespace", equalTo("chipbet"))
                .body("source.name", equalTo("declared-one"));
        assertEquals("kubernetes", Paging.all("/api/v1/scenarios").stream().filter(scenario -> uid.toString().equals(scenario.get("id")))
                .map(scenario -> ((java.util.Map<?, ?>) scenario.get("source")).get("kind")).findFirst().orElse(null));
        ScenarioAnswers.await(path, answer -> "kubernetes".equals(answer.getString("source")));

        asEditor().contentType("application/json").header("If-Match", "\"1\"").body(spec("Renamed here", "[]", "null")).put(path)
                .then().statusCode(409).contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("read-only-scenario"));
        asEditor().delete(path).then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("read-only-scenario"));
        anyone().get(path).then().statusCode(200).body("name", equalTo("Declared in Kubernetes"));

        // The same checks as POST, and the same problems: a field's constraint, then a rule on the record.
        io.chipbet.platform.problem.ProblemException badField = org.junit.jupiter.api.Assertions.assertThrows(
                io.chipbet.platform.problem.ProblemException.class, () -> service.declare(UUID.randomUUID(), "chipbet", "bad",
                        json.readValue(spec("Too many samples", "[]", "{\"samples\": 5000000}"), ScenarioSpec.class)));
        assertEquals(400, badField.status());
        assertTrue(badField.violations().stream().anyMatch(v -> v.field().equals("overrides.samples")), badField.violations()::toString);
        io.chipbet.platform.problem.ProblemException unknownPlan = org.junit.jupiter.api.Assertions.assertThrows(
                io.chipbet.platform.problem.ProblemException.class, () -> service.declare(UUID.randomUUID(), "chipbet", "bad",
                        json.readValue(spec("Unknown plan", "[]", "{\"plan\": {\"key\": \"no-such-plan\"}}"), ScenarioSpec.class)));
        assertEquals("unknown-plan", unknownPlan.slug());

        // Its resource went while no replica led: withdrawn on the next election, like a DELETE.
        assertEquals(1, (int) io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> service.withdrawAbsent("chipbet", java.util.Set.of())));
        anyone().get(path).then().statusCode(404);
    }

    private static String spec(String name, String changes, String overrides) {
        return "{\"name\": \"" + name + "\", \"description\": \"test\", \"changes\": " + changes + ", \"overrides\": " + overrides + "}";
    }

}
