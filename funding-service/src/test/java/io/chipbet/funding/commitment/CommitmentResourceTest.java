package io.chipbet.funding.commitment;

import io.chipbet.platform.testing.OpenApiResponses;
import io.chipbet.platform.testing.Paging;
import io.chipbet.funding.FundingApi;
import io.chipbet.infra.security.Tokens;
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
import java.util.concurrent.Callable;
import java.util.stream.Stream;



import static io.chipbet.platform.testing.Api.anyone;
import static io.chipbet.funding.FundingApi.SOURCE;
import static io.chipbet.platform.testing.Api.asEditor;
import static io.chipbet.platform.testing.Api.race;
import static io.chipbet.funding.FundingApi.changeStatus;
import static io.chipbet.funding.FundingApi.createInvestor;
import static io.chipbet.funding.FundingApi.disburse;
import static io.chipbet.funding.FundingApi.record;
import static io.chipbet.platform.testing.Api.decimal;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CommitmentResourceTest {

    /** Each answer, a success with its nulls and a problem alike, is what the OpenAPI document declares. */
    @Test
    void answersAsItsOpenApiDocumentSays() {
        String investor = createInvestor("CORPORATE", "JP");
        String id = OpenApiResponses.assertDocumented("post", "/api/v1/commitments", record(investor, "1000", "FABS", null)).path("id");
        OpenApiResponses.assertDocumented("post", "/api/v1/commitments/{id}/status-changes", changeStatus(id, 1, FundingApi.to("PLEDGED")));
        OpenApiResponses.assertDocumented("get", "/api/v1/commitments/{id}", anyone().get("/api/v1/commitments/" + id));
        OpenApiResponses.assertDocumented("get", "/api/v1/commitments/{id}/history", anyone().get("/api/v1/commitments/" + id + "/history"));
        OpenApiResponses.assertDocumented("get", "/api/v1/commitments", anyone().queryParam("investorId", investor).get("/api/v1/commitments"));
        OpenApiResponses.assertDocumented("get", "/api/v1/investors", anyone().get("/api/v1/investors"));
        OpenApiResponses.assertDocumented("get", "/api/v1/investors/{id}", anyone().get("/api/v1/investors/" + investor));
        OpenApiResponses.assertDocumented("get", "/api/v1/summary", anyone().get("/api/v1/summary"));
        OpenApiResponses.assertDocumented("get", "/api/v1/commitments/{id}", anyone().get("/api/v1/commitments/" + java.util.UUID.randomUUID()));
        OpenApiResponses.assertDocumented("get", "/api/v1/commitments", anyone().queryParam("size", 0).get("/api/v1/commitments"));
        OpenApiResponses.assertDocumented("post", "/api/v1/commitments/{id}/status-changes", changeStatus(id, 1, FundingApi.to("COMMITTED")));
    }

    @Test
    void recordsACommitmentWithItsInvestorAndServesIt() {
        String investor = createInvestor("CORPORATE", "JP");
        var created = record(investor, "100000000000", "FABS", "PLEDGED").then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("status", equalTo("PLEDGED")).body("disbursedUsd", decimal("0"))
                .body("investor.kind", equalTo("CORPORATE")).body("investor.country", equalTo("JP"))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/commitments/" + id));
        anyone().get("/api/v1/commitments/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("amountUsd", decimal("100000000000")).body("sources[0].url", equalTo(SOURCE.get("url")));
        anyone().get("/api/v1/commitments/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void disbursementIsPartialThenGrowsButNeverShrinksOrExceedsTheAmount() {
        String id = record(createInvestor("GOVERNMENT", "US"), "1000", "FABS", "COMMITTED").path("id");
        changeStatus(id, 1, disburse("400")).then().statusCode(200).body("disbursedUsd", decimal("400"));
        changeStatus(id, 2, disburse("900")).then().statusCode(200).body("disbursedUsd", decimal("900")).body("version", equalTo(3));
        changeStatus(id, 3, disburse("800")).then().statusCode(422).body("violations.field", hasItems("disbursedUsd"));
        changeStatus(id, 3, disburse("1000.01")).then().statusCode(422).body("violations.field", hasItems("disbursedUsd"));
        changeStatus(id, 3, Map.of("to", "DISBURSED", "source", SOURCE)).then().statusCode(422);
        anyone().get("/api/v1/commitments/" + id).then().body("disbursedUsd", decimal("900")).body("version", equalTo(3));
    }

    @Test
    void anAmountRevisionIsItsOwnChangeWithItsSource() {
        String id = record(createInvestor("PRIVATE_CAPITAL", "US"), "7000000000000", "GENERAL_AI_INFRASTRUCTURE", "DISCUSSED").path("id");
        Map<String, Object> revision = Map.of("amountUsd", new BigDecimal("500000000000"), "reason", "Scaled down to hundreds of billions",
                "source", Map.of("url", "https://www.dtnext.in/edit/behind-openais-audacious-plan-to-make-ai-flow-like-electricity-805400",
                        "title", "Behind OpenAI's audacious plan to make AI flow like electricity (NYT reprint)"));
        asEditor().header("If-Match", "\"1\"").body(revision).post("/api/v1/commitments/" + id + "/revisions")
                .then().statusCode(200).header("ETag", "\"2\"").body("amountUsd", decimal("500000000000"))
                .body("status", equalTo("DISCUSSED")).body("sources.size()", equalTo(2));
        anyone().get("/api/v1/commitments/" + id + "/history").then().statusCode(200)
                .body("items.kind", equalTo(List.of("CommitmentRecorded", "CommitmentRevised")))
                .body("items[1].amountFromUsd", decimal("7000000000000")).body("items[1].amountToUsd", decimal("500000000000"))
                .body("items[1].note", equalTo("Scaled down to hundreds of billions"))
                .body("items[1].source.title", equalTo("Behind OpenAI's audacious plan to make AI flow like electricity (NYT reprint)"))
                .body("items[1].actor", equalTo("editor-user"));
        Paging.assertPagesThrough("/api/v1/commitments/" + id + "/history", Map.of(), 2);
    }

    @Test
    void aRevisionBelowWhatWasPaidOrOfAWithdrawnCommitmentIsRefused() {
        String id = record(createInvestor("CORPORATE", "TW"), "1000", "FABS", "COMMITTED").path("id");
        changeStatus(id, 1, disburse("600")).then().statusCode(200);
        Map<String, Object> tooLow = Map.of("amountUsd", new BigDecimal("500"), "reason", "cut", "source", SOURCE);
        asEditor().header("If-Match", "\"2\"").body(tooLow).post("/api/v1/commitments/" + id + "/revisions")
                .then().statusCode(422).body("violations.field", hasItems("amountUsd"));

        String withdrawn = record(createInvestor("CORPORATE", "KR"), "1000", "FABS", null).path("id");
        changeStatus(withdrawn, 1, FundingApi.to("WITHDRAWN")).then().statusCode(200);
        asEditor().header("If-Match", "\"2\"").body(Map.of("amountUsd", new BigDecimal("10"), "reason", "x", "source", SOURCE))
                .post("/api/v1/commitments/" + withdrawn + "/revisions").then().statusCode(409);
    }

    @Test
    void updatesNeedTheCurrentVersionInIfMatch() {
        String id = record(createInvestor("CORPORATE", "US"), "1000", "FABS", null).path("id");
        asEditor().body(FundingApi.to("PLEDGED")).post("/api/v1/commitments/" + id + "/status-changes")
                .then().statusCode(428).contentType("application/problem+json");
        asEditor().header("If-Match", "yesterday").body(FundingApi.to("PLEDGED"))
                .post("/api/v1/commitments/" + id + "/status-changes").then().statusCode(400);
        changeStatus(id, 1, FundingApi.to("DISCUSSED")).then().statusCode(200);
        changeStatus(id, 1, FundingApi.to("PLEDGED")).then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://chipbet.io/problems/stale-version"));
        anyone().get("/api/v1/commitments/" + id).then().body("status", equalTo("DISCUSSED"));
    }

    @Test
    void ofTwoConcurrentUpdatesOnTheSameVersionExactlyOneWins() throws Exception {
        String id = record(createInvestor("CORPORATE", "US"), "1000", "FABS", null).path("id");
        String token = Tokens.forTests().editor();
        List<Callable<io.restassured.response.Response>> racers = Stream.of("PLEDGED", "COMMITTED")
                .map(status -> (Callable<io.restassured.response.Response>) () -> given().auth().oauth2(token).contentType(ContentType.JSON)
                        .header("If-Match", "\"1\"").body(FundingApi.to(status)).post("/api/v1/commitments/" + id + "/status-changes"))
                .toList();
        assertEquals(List.of(200, 412), race(racers).stream().map(io.restassured.response.Response::statusCode).sorted().toList());
        anyone().get("/api/v1/commitments/" + id).then().body("version", equalTo(2));
    }

    @Test
    void invalidInputGetsEveryViolationAndWritesNothing() {
        long before = total();
        Map<String, Object> bad = new HashMap<>(Map.of("amountUsd", new BigDecimal("-5"), "purpose", "FABS", "announcedOn", "2999-01-01",
                "sources", List.of(Map.of("url", "not a url", "title", ""))));
        asEditor().body(bad).post("/api/v1/commitments").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("investorId", "amountUsd", "announcedOn", "sources[0].url", "sources[0].title"));

        Map<String, Object> unknownInvestor = FundingApi.commitment(UUID.randomUUID().toString(), "10", "FABS", null);
        asEditor().body(unknownInvestor).post("/api/v1/commitments").then().statusCode(422)
                .body("type", equalTo("https://chipbet.io/problems/unknown-investor"));

        Map<String, Object> halfReported = FundingApi.commitment(createInvestor("OTHER", "DE"), "10", "FABS", "WITHDRAWN");
        halfReported.put("reportedAmount", new BigDecimal("9"));
        asEditor().body(halfReported).post("/api/v1/commitments").then().statusCode(422)
                .body("violations.field", containsInAnyOrder("reportedCurrency", "status"));
        asEditor().body("{\"amountUsd\": \"lots\"}").post("/api/v1/commitments").then().statusCode(400)
                .body("violations[0].field", equalTo("amountUsd"));
        assertEquals(before, total(), "nothing was recorded");
    }

    @Test
    void writesNeedAnEditorTokenAndReadsArePublic() {
        String id = record(createInvestor("CORPORATE", "US"), "1000", "FABS", null).path("id");
        String reader = Tokens.forTests().withRoles("reader", "viewer");
        Map<String, Object> paths = Map.of(
                "/api/v1/commitments", FundingApi.commitment(createInvestor("OTHER", "US"), "1", "FABS", null),
                "/api/v1/commitments/" + id + "/status-changes", FundingApi.to("PLEDGED"),
                "/api/v1/commitments/" + id + "/revisions", Map.of("amountUsd", new BigDecimal("2"), "reason", "r", "source", SOURCE));
        paths.forEach((path, body) -> {
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body).post(path)
                    .then().statusCode(401).contentType("application/problem+json");
            given().auth().oauth2(reader).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body).post(path)
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(body).post(path)
                    .then().statusCode(401);
        });
        anyone().get("/api/v1/commitments/" + id).then().statusCode(200).body("version", equalTo(1));
        anyone().get("/api/v1/commitments/" + id + "/history").then().statusCode(200);
        anyone().get("/api/v1/commitments").then().statusCode(200);
        anyone().get("/api/v1/summary").then().statusCode(200);
    }

    @Test
    void listsFilterAndPageInAStableOrder() {
        String investor = createInvestor("SOVEREIGN_FUND", "SA");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(record(investor, String.valueOf(100 + i), i % 2 == 0 ? "FABS" : "DATA_CENTERS", "PLEDGED").path("id"));
        }
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(anyone().queryParam("investorId", investor).queryParam("page", page).queryParam("size", 2)
                    .get("/api/v1/commitments").then().statusCode(200)
                    .body("totalItems", equalTo(5)).body("totalPages", equalTo(3))
                    .extract().jsonPath().getList("items.id"));
        }
        assertEquals(5, new HashSet<>(paged).size(), "no item twice, none skipped");
        assertEquals(new HashSet<>(ids), new HashSet<>(paged));
        anyone().queryParam("investorId", investor).queryParam("purpose", "FABS").get("/api/v1/commitments")
                .then().body("totalItems", equalTo(3));
        anyone().queryParam("investorId", investor).queryParam("status", "RUMORED").get("/api/v1/commitments")
                .then().body("totalItems", equalTo(0));
        anyone().queryParam("size", 1000).get("/api/v1/commitments").then().statusCode(400).contentType("application/problem+json");
        Paging.assertPagesThrough("/api/v1/commitments", Map.of("investorId", investor), 5);
        anyone().queryParam("status", "MAYBE").get("/api/v1/commitments").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    private static long total() {
        return anyone().get("/api/v1/commitments").then().extract().jsonPath().getLong("totalItems");
    }
}
