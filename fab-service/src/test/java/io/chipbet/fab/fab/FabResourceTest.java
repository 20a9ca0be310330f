package io.chipbet.fab.fab;

import io.chipbet.fab.FabApi;
import io.chipbet.infra.security.Tokens;
import io.chipbet.platform.testing.OpenApiResponses;
import io.chipbet.platform.testing.Paging;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chipbet.fab.FabApi.SOURCE;
import static io.chipbet.fab.FabApi.announce;
import static io.chipbet.fab.FabApi.delay;
import static io.chipbet.fab.FabApi.fab;
import static io.chipbet.fab.FabApi.milestone;
import static io.chipbet.platform.testing.Api.anyone;
import static io.chipbet.platform.testing.Api.asEditor;
import static io.chipbet.platform.testing.Api.decimal;
import static io.chipbet.platform.testing.Api.etag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FabResourceTest {

    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool database;

    /** Each answer, a success with its nulls and a problem alike, is what the OpenAPI document declares. */
    @Test
    void answersAsItsOpenApiDocumentSays() {
        String id = OpenApiResponses.assertDocumented("post", "/api/v1/fabs", announce(fab("Rapidus", "JP", null))).path("id");
        OpenApiResponses.assertDocumented("post", "/api/v1/fabs/{id}/milestones", milestone(id, 1, "UNDER_CONSTRUCTION", "2023-09-01"));
        OpenApiResponses.assertDocumented("get", "/api/v1/fabs/{id}", anyone().get("/api/v1/fabs/" + id));
        OpenApiResponses.assertDocumented("get", "/api/v1/fabs/{id}/timeline", anyone().get("/api/v1/fabs/" + id + "/timeline"));
        OpenApiResponses.assertDocumented("get", "/api/v1/fabs", anyone().queryParam("operator", "Rapidus").get("/api/v1/fabs"));
        OpenApiResponses.assertDocumented("get", "/api/v1/slip-statistics", anyone().get("/api/v1/slip-statistics"));
        OpenApiResponses.assertDocumented("get", "/api/v1/fabs/{id}", anyone().get("/api/v1/fabs/" + UUID.randomUUID()));
        OpenApiResponses.assertDocumented("get", "/api/v1/fabs", anyone().queryParam("status", "DREAMING").get("/api/v1/fabs"));
        OpenApiResponses.assertDocumented("post", "/api/v1/fabs/{id}/milestones", milestone(id, 1, "TOOL_INSTALL", "2024-09-01"));
    }

    @Test
    void announcesAFabAndServesIt() {
        var created = announce(fab("TSMC", "US", "2024-01-01")).then().statusCode(201).header("ETag", "\"1\"")
                .body("status", equalTo("ANNOUNCED")).body("plannedProductionDate", equalTo("2024-01-01"))
                .body("slipMonths", equalTo(0)).extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/fabs/" + id));
        anyone().get("/api/v1/fabs/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("operator", equalTo("TSMC")).body("capacityWafersPerMonth", equalTo(20000));
        anyone().get("/api/v1/fabs/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aNewUserAnnouncesBuildsDelaysTwiceAndReachesVolumeProduction() {
        String id = announce("Samsung", "US", "2024-01-01");
        milestone(id, 1, "UNDER_CONSTRUCTION", "2022-03-01").then().statusCode(200).body("constructionStartOn", equalTo("2022-03-01"));
        delay(id, 2, "2025-01-01").then().statusCode(200).body("slipMonths", equalTo(12));
        delay(id, 3, "2026-06-01").then().statusCode(200).body("slipMonths", equalTo(29))
                .body("originalProductionDate", equalTo("2024-01-01"));
        milestone(id, 4, "VOLUME_PRODUCTION", "2026-03-01").then().statusCode(200)
                .body("actualProductionDate", equalTo("2026-03-01")).body("slipMonths", equalTo(26));
        anyone().get("/api/v1/fabs/" + id + "/timeline").then().statusCode(200)
                .body("items.kind", equalTo(List.of("FabAnnounced", "FabMilestoneReached", "FabDelayed", "FabDelayed", "FabMilestoneReached")))
                .body("items[2].effectiveOn", equalTo("2025-01-01"))
                .body("items[2].note", equalTo("Labour shortages"))
                .body("items[2].changes.field", hasItems("plannedProductionDate", "slipMonths"))
                .body("items[4].toStatus", equalTo("VOLUME_PRODUCTION"))
                .body("items[4].actor", equalTo("editor-user"));
        Paging.assertPagesThrough("/api/v1/fabs/" + id + "/timeline", Map.of(), 5);
    }

    @Test
    void datesMustKeepTheirOrder() {
        Map<String, Object> early = fab("Intel", "US", "2019-01-01"); // promised before it was announced
        announce(early).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://chipbet.io/problems/date-order"))
                .body("violations.field", hasItems("originalProductionDate", "plannedProductionDate"));

        String id = announce("Intel", "US", "2025-01-01");
        milestone(id, 1, "UNDER_CONSTRUCTION", "2019-12-31").then().statusCode(422)
                .body("violations[0].field", equalTo("reachedOn"));
        milestone(id, 1, "UNDER_CONSTRUCTION", "2022-09-01").then().statusCode(200);
        milestone(id, 2, "TOOL_INSTALL", "2022-08-01").then().statusCode(422);
        delay(id, 2, "2024-06-01").then().statusCode(422).body("type", equalTo("https://chipbet.io/problems/not-a-delay"));
        milestone(id, 2, "VOLUME_PRODUCTION", "2023-01-01").then().statusCode(200);
        delay(id, 3, "2031-01-01").then().statusCode(409);
    }

    @Test
    void revisionsChangeFiguresWithHistory() {
        String id = announce("TSMC", "TW", "2025-06-01");
        Map<String, Object> revision = Map.of("capacityWafersPerMonth", 30000, "capexUsd", new BigDecimal("28000000000"),
                "reason", "Second phase added", "source", SOURCE);
        asEditor().header("If-Match", etag(1)).body(revision).post("/api/v1/fabs/" + id + "/revisions")
                .then().statusCode(200).body("capacityWafersPerMonth", equalTo(30000)).body("capexUsd", decimal("28000000000"));
        asEditor().header("If-Match", etag(2)).body(Map.of("reason", "nothing", "source", SOURCE))
                .post("/api/v1/fabs/" + id + "/revisions").then().statusCode(422);
        asEditor().header("If-Match", etag(2)).body(Map.of("capacityWafersPerMonth", -1, "reason", "x", "source", SOURCE))
                .post("/api/v1/fabs/" + id + "/revisions").then().statusCode(400)
                .body("violations[0].field", equalTo("capacityWafersPerMonth"));
        anyone().get("/api/v1/fabs/" + id + "/timeline").then().body("items.kind", equalTo(List.of("FabAnnounced", "FabRevised")))
                .body("items[1].changes.field", hasItems("capacityWafersPerMonth", "capexUsd"));
    }

    @Test
    void aCustomerStatusIsAnnouncedRevisedAndRefusedWhenUnknown() {
        Map<String, Object> body = fab("Samsung", "US", "2026-12-31");
        body.put("customerStatus", "NONE_REPORTED");
        String id = announce(body).then().statusCode(201).body("customerStatus", equalTo("NONE_REPORTED")).extract().path("id");
        asEditor().header("If-Match", etag(1)).body(Map.of("customerStatus", "SECURED", "reason", "A customer signed", "source", SOURCE))
                .post("/api/v1/fabs/" + id + "/revisions").then().statusCode(200).body("customerStatus", equalTo("SECURED"));
        anyone().get("/api/v1/fabs/" + id + "/timeline").then().body("items[1].changes.field", hasItems("customerStatus"));
        anyone().get("/api/v1/fabs/" + announce("TSMC", "TW", "2027-01-01")).then().body("customerStatus", equalTo(null));
        body.put("customerStatus", "MAYBE");
        announce(body).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void invalidInputGetsEveryViolation() {
        Map<String, Object> bad = Map.of("name", "", "operator", "TSMC", "country", "XX", "region", "US",
                "nodeClass", "LEADING_EDGE", "announcedOn", "2020-01-01", "sources", List.of());
        asEditor().body(bad).post("/api/v1/fabs").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("name", "country", "sources"));
        asEditor().body("{\"nodeClass\": \"ANGSTROM\"}").post("/api/v1/fabs").then().statusCode(400)
                .body("violations[0].field", equalTo("nodeClass"));
    }

    /** PostgreSQL refuses the NUL character in text: a filter with one is a 400 naming it, not a failed query. */
    @Test
    void aNulCharacterInAQueryParameterIsRefusedNamingIt() {
        for (String parameter : List.of("operator", "country", "region")) {
            anyone().queryParam(parameter, "TS\u0000MC").get("/api/v1/fabs").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", equalTo(List.of(parameter)));
        }
    }

    @Test
    void retriesWithTheSameIdempotencyKeyAnnounceOnce() {
        String operator = "Rapidus-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = asEditor().header("Idempotency-Key", key).body(fab(operator, "JP", null)).post("/api/v1/fabs")
                .then().statusCode(201).extract().path("id");
        String second = asEditor().header("Idempotency-Key", key).body(fab(operator, "JP", null)).post("/api/v1/fabs")
                .then().statusCode(201).extract().path("id");
        assertEquals(first, second);
        anyone().queryParam("operator", operator).get("/api/v1/fabs").then().body("totalItems", equalTo(1));
    }

    /**
     * An upgrade adds optional fields to a body (customerStatus came after the first release). A key stored before
     * then answers its replay, which the reference loader sends on every ./chipbet up, instead of a 422.
     */
    @Test
    void aKeyStoredBeforeAnOptionalFieldWasAddedStillAnswersItsReplay() throws Exception {
        String operator = "Rapidus-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = fab(operator, "JP", null);
        String first = asEditor().header("Idempotency-Key", key).body(body).post("/api/v1/fabs").then().statusCode(201).extract().path("id");
        String asTheFirstReleaseWroteIt = json.writeValueAsString(json.convertValue(body, NewFab.class)).replace("\"customerStatus\":null,", "");
        org.junit.jupiter.api.Assertions.assertFalse(asTheFirstReleaseWroteIt.contains("customerStatus"), asTheFirstReleaseWroteIt);
        storeHashOf(key, asTheFirstReleaseWroteIt);

        var replay = asEditor().header("Idempotency-Key", key).body(body).post("/api/v1/fabs").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        assertEquals(first, replay.path("id"));
        Map<String, Object> another = new HashMap<>(body);
        another.put("customerStatus", "SECURED");
        asEditor().header("Idempotency-Key", key).body(another).post("/api/v1/fabs").then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("idempotency-key-reused"));
        anyone().queryParam("operator", operator).get("/api/v1/fabs").then().body("totalItems", equalTo(1));
    }

    private void storeHashOf(String key, String requestText) throws Exception {
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(requestText.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        long updated = database.preparedQuery("update idempotent_request set request_hash = $1 where idempotency_key = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(hash, key)).await().atMost(java.time.Duration.ofSeconds(10)).rowCount();
        assertEquals(1, updated);
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        String id = announce("GlobalFoundries", "US", "2026-01-01");
        asEditor().body(Map.of("plannedProductionDate", "2027-01-01", "reason", "r", "source", SOURCE))
                .post("/api/v1/fabs/" + id + "/delays").then().statusCode(428);
        delay(id, 1, "2027-01-01").then().statusCode(200);
        delay(id, 1, "2028-01-01").then().statusCode(412).body("type", equalTo("https://chipbet.io/problems/stale-version"));
    }

    @Test
    void writesNeedAnEditorTokenAndReadsArePublic() {
        String id = announce("Micron", "US", "2027-01-01");
        String reader = Tokens.forTests().withRoles("reader", "viewer");
        Map<String, Object> writes = Map.of(
                "/api/v1/fabs", fab("Micron", "US", null),
                "/api/v1/fabs/" + id + "/milestones", Map.of("status", "PERMITTING", "reachedOn", "2021-01-01", "source", SOURCE),
                "/api/v1/fabs/" + id + "/delays", Map.of("plannedProductionDate", "2028-01-01", "reason", "r", "source", SOURCE),
                "/api/v1/fabs/" + id + "/revisions", Map.of("capacityWafersPerMonth", 1, "reason", "r", "source", SOURCE));
        writes.forEach((path, body) -> {
            given().contentType(ContentType.JSON).header("If-Match", etag(1)).body(body).post(path)
                    .then().statusCode(401).contentType("application/problem+json");
            given().auth().oauth2(reader).contentType(ContentType.JSON).header("If-Match", etag(1)).body(body).post(path)
                    .then().statusCode(403).contentType("application/problem+json");
        });
        anyone().get("/api/v1/fabs/" + id).then().statusCode(200).body("version", equalTo(1));
        anyone().get("/api/v1/fabs/" + id + "/timeline").then().statusCode(200);
        anyone().get("/api/v1/slip-statistics").then().statusCode(200);
    }

    @Test
    void listsFilterAndPageInAStableOrder() {
        String operator = "Page-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = fab(operator, i < 3 ? "US" : "JP", "2026-01-01");
            if (i == 4) {
                body.put("nodeClass", "ADVANCED_PACKAGING");
            }
            ids.add(announce(body).then().statusCode(201).extract().path("id"));
        }
        milestone(ids.get(0), 1, "UNDER_CONSTRUCTION", "2021-01-01").then().statusCode(200);
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(anyone().queryParam("operator", operator).queryParam("page", page).queryParam("size", 2)
                    .get("/api/v1/fabs").then().statusCode(200).body("totalItems", equalTo(5))
                    .extract().jsonPath().getList("items.id"));
        }
        assertEquals(new HashSet<>(ids), new HashSet<>(paged));
        assertEquals(5, paged.size());
        anyone().queryParam("operator", operator.toUpperCase()).queryParam("region", "JP").get("/api/v1/fabs")
                .then().body("totalItems", equalTo(2));
        anyone().queryParam("operator", operator).queryParam("status", "UNDER_CONSTRUCTION").get("/api/v1/fabs")
                .then().body("totalItems", equalTo(1));
        anyone().queryParam("operator", operator).queryParam("nodeClass", "ADVANCED_PACKAGING").queryParam("country", "us")
                .get("/api/v1/fabs").then().body("totalItems", equalTo(1));
        anyone().queryParam("status", "DREAMING").get("/api/v1/fabs").then().statusCode(400);
        Paging.assertPagesThrough("/api/v1/fabs", Map.of("operator", operator), 5);
    }
}
