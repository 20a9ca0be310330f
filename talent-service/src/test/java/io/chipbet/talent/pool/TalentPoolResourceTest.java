package io.chipbet.talent.pool;

import io.chipbet.infra.security.Tokens;
import io.chipbet.platform.testing.OpenApiResponses;
import io.chipbet.platform.testing.Paging;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;



import static io.chipbet.platform.testing.Api.anyone;
import static io.chipbet.platform.testing.Api.asEditor;
import static io.chipbet.platform.testing.Api.decimal;
import static io.chipbet.platform.testing.Api.etag;
import static io.chipbet.platform.testing.Api.race;
import static io.chipbet.talent.TalentApi.SOURCE;
import static io.chipbet.talent.TalentApi.pool;
import static io.chipbet.talent.TalentApi.program;
import static io.chipbet.talent.TalentApi.recordPool;
import static io.chipbet.talent.TalentApi.uniqueRegion;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TalentPoolResourceTest {

    @Test
    void recordsOnePoolPerRegionAndRoleAndUpdatesItWithHistory() {
        String region = uniqueRegion();
        String id = recordPool(pool(region, "TECHNICIAN", 1000, 50, "0.05"));
        anyone().get("/api/v1/talent-pools/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("region", equalTo(region)).body("attritionRate", decimal("0.05"));
        asEditor().body(pool(region, "TECHNICIAN", 1, 1, "0")).post("/api/v1/talent-pools").then().statusCode(409)
                .body("type", equalTo("https://chipbet.io/problems/pool-exists"));
        asEditor().header("If-Match", etag(1)).body(Map.of("headcount", 1200, "reason", "2023 census", "source", SOURCE))
                .post("/api/v1/talent-pools/" + id + "/updates").then().statusCode(200).header("ETag", "\"2\"")
                .body("headcount", equalTo(1200));
        anyone().get("/api/v1/talent-pools/" + id + "/history").then().statusCode(200)
                .body("items.kind", equalTo(List.of("TalentPoolRecorded", "TalentPoolUpdated")))
                .body("items[1].changes[0].field", equalTo("headcount")).body("items[1].changes[0].from", equalTo(1000));
        Paging.assertPagesThrough("/api/v1/talent-pools/" + id + "/history", Map.of(), 2);
        anyone().queryParam("region", region).get("/api/v1/talent-pools").then().body("totalItems", equalTo(1)).body("items.size()", equalTo(1));
        anyone().get("/api/v1/talent-pools/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    /** Each answer, a success with its nulls and a problem alike, is what the OpenAPI document declares. */
    @Test
    void answersAsItsOpenApiDocumentSays() {
        String region = uniqueRegion();
        Map<String, Object> allRoles = pool(region, "ENGINEER", 3000, 100, "0.05");
        allRoles.remove("role");
        String id = OpenApiResponses.assertDocumented("post", "/api/v1/talent-pools", asEditor().body(allRoles).post("/api/v1/talent-pools"))
                .path("id");
        OpenApiResponses.assertDocumented("post", "/api/v1/talent-pools/{id}/updates", asEditor().header("If-Match", etag(1))
                .body(Map.of("headcount", 1200, "reason", "2023 census", "source", SOURCE)).post("/api/v1/talent-pools/" + id + "/updates"));
        OpenApiResponses.assertDocumented("get", "/api/v1/talent-pools/{id}", anyone().get("/api/v1/talent-pools/" + id));
        OpenApiResponses.assertDocumented("get", "/api/v1/talent-pools/{id}/history", anyone().get("/api/v1/talent-pools/" + id + "/history"));
        OpenApiResponses.assertDocumented("get", "/api/v1/talent-pools", anyone().queryParam("region", region).get("/api/v1/talent-pools"));
        Map<String, Object> program = new HashMap<>(program(region, "TECHNICIAN", 5, 2025, 2030));
        program.remove("fundingUsd");
        OpenApiResponses.assertDocumented("post", "/api/v1/training-programs", asEditor().body(program).post("/api/v1/training-programs"));
        OpenApiResponses.assertDocumented("get", "/api/v1/training-programs", anyone().queryParam("region", region).get("/api/v1/training-programs"));
        OpenApiResponses.assertDocumented("post", "/api/v1/shortfall-estimates", asEditor()
                .body(Map.of("region", region, "targetYear", 2030, "shortfall", 1000, "source", SOURCE)).post("/api/v1/shortfall-estimates"));
        OpenApiResponses.assertDocumented("get", "/api/v1/shortfall-estimates", anyone().queryParam("region", region).get("/api/v1/shortfall-estimates"));
        OpenApiResponses.assertDocumented("get", "/api/v1/talent-pools/{id}", anyone().get("/api/v1/talent-pools/" + UUID.randomUUID()));
        OpenApiResponses.assertDocumented("get", "/api/v1/talent-pools", anyone().queryParam("page", -1).get("/api/v1/talent-pools"));
        OpenApiResponses.assertDocumented("post", "/api/v1/talent-pools/{id}/updates", asEditor().header("If-Match", etag(1))
                .body(Map.of("headcount", 1300, "reason", "stale", "source", SOURCE)).post("/api/v1/talent-pools/" + id + "/updates"));
    }

    @Test
    void poolsProgramsAndEstimatesAreListedAPageAtATime() {
        String region = uniqueRegion();
        Map<String, Object> allRoles = pool(region, "ENGINEER", 3000, 100, "0.05");
        allRoles.remove("role");
        recordPool(allRoles);
        recordPool(pool(region, "ENGINEER", 1000, 50, "0.05"));
        recordPool(pool(region, "TECHNICIAN", 2000, 50, "0.05"));
        anyone().queryParam("region", region).get("/api/v1/talent-pools").then().statusCode(200)
                .body("items.role", equalTo(java.util.Arrays.asList(null, "ENGINEER", "TECHNICIAN")));
        Paging.assertPagesThrough("/api/v1/talent-pools", Map.of("region", region), 3);
        for (int year = 2025; year < 2027; year++) {
            asEditor().body(program(region, "TECHNICIAN", 5, year, 2030)).post("/api/v1/training-programs").then().statusCode(201);
            asEditor().body(Map.of("region", region, "targetYear", year + 5, "shortfall", 1000, "source", SOURCE))
                    .post("/api/v1/shortfall-estimates").then().statusCode(201);
        }
        Paging.assertPagesThrough("/api/v1/training-programs", Map.of("region", region), 2);
        Paging.assertPagesThrough("/api/v1/shortfall-estimates", Map.of("region", region), 2);
    }

    @Test
    void concurrentPoolsForAllRolesOfOneRegionCreateOneAndTheOthersGet409() throws Exception {
        String region = uniqueRegion();
        Map<String, Object> allRoles = pool(region, "ENGINEER", 1000, 50, "0.05");
        allRoles.remove("role");
        List<Response> responses = race(8, () -> asEditor().body(allRoles).post("/api/v1/talent-pools"));
        // The service's own check, or the database's unique key when two checks raced: 409 either way.
        assertEquals(List.of(201, 409, 409, 409, 409, 409, 409, 409), responses.stream().map(Response::statusCode).sorted().toList());
        responses.stream().filter(response -> response.statusCode() == 409)
                .forEach(response -> assertEquals("application/problem+json", response.contentType()));
        anyone().queryParam("region", region).get("/api/v1/talent-pools").then().body("totalItems", equalTo(1)).body("items.size()", equalTo(1));
    }

    @Test
    void invalidFiguresGetEveryViolation() {
        Map<String, Object> bad = pool(uniqueRegion(), "ENGINEER", -1, -5, "1.0");
        asEditor().body(bad).post("/api/v1/talent-pools").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("headcount", "annualPipeline", "attritionRate"));
        asEditor().body(pool(uniqueRegion(), "ENGINEER", 1, 1, "-0.1")).post("/api/v1/talent-pools").then().statusCode(400)
                .body("violations[0].field", equalTo("attritionRate"));
        asEditor().body(program(uniqueRegion(), "ENGINEER", 10, 2030, 2025)).post("/api/v1/training-programs")
                .then().statusCode(422).body("violations[0].field", equalTo("endYear"));
        asEditor().body(Map.of("region", "US", "targetYear", 2030, "shortfall", -3, "source", SOURCE))
                .post("/api/v1/shortfall-estimates").then().statusCode(400);
    }

    /** The column keeps four decimals: a fifth would be rounded in the database while the answer and the event kept it. */
    @Test
    void anAttritionRateWithMoreDecimalsThanItsColumnIsRefusedNotRounded() {
        Map<String, Object> fine = pool(uniqueRegion(), "ENGINEER", 100, 10, "0.12345");
        asEditor().body(fine).post("/api/v1/talent-pools").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("attritionRate")));
        String id = recordPool(pool(uniqueRegion(), "ENGINEER", 100, 10, "0.1234"));
        anyone().get("/api/v1/talent-pools/" + id).then().body("attritionRate", decimal("0.1234"));
        asEditor().header("If-Match", etag(1)).body(Map.of("attritionRate", new BigDecimal("0.12345"), "reason", "r", "source", SOURCE))
                .post("/api/v1/talent-pools/" + id + "/updates").then().statusCode(400)
                .body("violations.field", equalTo(List.of("attritionRate")));
    }

    /** The name column holds 255 characters: a longer name is a 400 naming it, not a database error. */
    @Test
    void aProgramNameLongerThanItsColumnIsRefused() {
        Map<String, Object> program = new HashMap<>(program(uniqueRegion(), "TECHNICIAN", 5, 2025, 2026));
        program.put("name", "n".repeat(256));
        asEditor().body(program).post("/api/v1/training-programs").then().statusCode(400)
                .body("violations.field", equalTo(List.of("name")));
        program.put("name", "n".repeat(255));
        asEditor().body(program).post("/api/v1/training-programs").then().statusCode(201);
    }

    @Test
    void updatesNeedTheCurrentVersionAndOneOfTwoRacersWins() throws Exception {
        String id = recordPool(pool(uniqueRegion(), "ENGINEER", 100, 0, "0"));
        Map<String, Object> update = Map.of("headcount", 150, "reason", "r", "source", SOURCE);
        asEditor().body(update).post("/api/v1/talent-pools/" + id + "/updates").then().statusCode(428);
        asEditor().header("If-Match", etag(1)).body(Map.of("reason", "r", "source", SOURCE))
                .post("/api/v1/talent-pools/" + id + "/updates").then().statusCode(422);
        String token = Tokens.forTests().editor();
        List<Callable<Response>> racers = Stream.of(150, 160).map(headcount -> (Callable<Response>) () -> given().auth().oauth2(token)
                .contentType(ContentType.JSON).header("If-Match", etag(1)).body(Map.of("headcount", headcount, "reason", "r", "source", SOURCE))
                .post("/api/v1/talent-pools/" + id + "/updates")).toList();
        assertEquals(List.of(200, 412), race(racers).stream().map(Response::statusCode).sorted().toList());
    }

    @Test
    void retriesWithTheSameIdempotencyKeyCreateOnce() {
        String region = uniqueRegion();
        String key = UUID.randomUUID().toString();
        Map<String, Object> estimate = Map.of("region", region, "targetYear", 2030, "shortfall", 67000, "source", SOURCE);
        String first = asEditor().header("Idempotency-Key", key).body(estimate).post("/api/v1/shortfall-estimates")
                .then().statusCode(201).extract().path("id");
        String second = asEditor().header("Idempotency-Key", key).body(estimate).post("/api/v1/shortfall-estimates")
                .then().statusCode(201).extract().path("id");
        assertEquals(first, second);
        anyone().queryParam("region", region).get("/api/v1/shortfall-estimates").then().body("totalItems", equalTo(1)).body("items.size()", equalTo(1));
        String programKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            asEditor().header("Idempotency-Key", programKey).body(program(region, "TECHNICIAN", 5, 2025, 2026))
                    .post("/api/v1/training-programs").then().statusCode(201);
        }
        anyone().queryParam("region", region).get("/api/v1/training-programs").then().body("totalItems", equalTo(1)).body("items.size()", equalTo(1));
    }

    @Test
    void writesNeedAnEditorTokenAndReadsArePublic() {
        String region = uniqueRegion();
        String id = recordPool(pool(region, "ENGINEER", 100, 0, "0"));
        String reader = Tokens.forTests().withRoles("reader", "viewer");
        Map<String, Object> writes = Map.of(
                "/api/v1/talent-pools", pool(uniqueRegion(), "ENGINEER", 1, 1, "0"),
                "/api/v1/talent-pools/" + id + "/updates", Map.of("headcount", 1, "reason", "r", "source", SOURCE),
                "/api/v1/training-programs", program(region, "ENGINEER", 1, 2025, 2026),
                "/api/v1/shortfall-estimates", Map.of("region", region, "targetYear", 2030, "shortfall", 1, "source", SOURCE));
        writes.forEach((path, body) -> {
            given().contentType(ContentType.JSON).header("If-Match", etag(1)).body(body).post(path).then().statusCode(401)
                    .contentType("application/problem+json");
            given().auth().oauth2(reader).contentType(ContentType.JSON).header("If-Match", etag(1)).body(body).post(path)
                    .then().statusCode(403).contentType("application/problem+json");
        });
        anyone().get("/api/v1/talent-pools/" + id).then().statusCode(200).body("version", equalTo(1));
        anyone().get("/api/v1/talent-pools").then().statusCode(200);
        anyone().get("/api/v1/training-programs").then().statusCode(200);
        anyone().get("/api/v1/shortfall-estimates").then().statusCode(200);
    }
}
