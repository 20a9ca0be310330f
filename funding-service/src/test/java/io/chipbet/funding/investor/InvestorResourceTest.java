package io.chipbet.funding.investor;

import io.chipbet.platform.testing.Paging;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chipbet.funding.FundingApi.createInvestor;
import static io.chipbet.platform.testing.Api.anyone;
import static io.chipbet.platform.testing.Api.asEditor;
import static io.chipbet.platform.testing.Api.race;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InvestorResourceTest {

    @Test
    void recordsAnInvestorAndServesIt() {
        String name = "Mubadala " + UUID.randomUUID();
        var created = asEditor().body(Map.of("name", name, "kind", "SOVEREIGN_FUND", "country", "ae"))
                .post("/api/v1/investors")
                .then().statusCode(201).extract();
        String id = created.path("id");
        assertEquals(true, created.header("Location").endsWith("/api/v1/investors/" + id));
        given().get("/api/v1/investors/" + id).then().statusCode(200)
                .body("name", equalTo(name)).body("kind", equalTo("SOVEREIGN_FUND")).body("country", equalTo("AE"));
        assertEquals(1, investorsNamed(name));
    }

    @Test
    void listsInvestorsAPageAtATime() {
        int before = anyone().queryParam("size", 1).get("/api/v1/investors").then().statusCode(200).extract().path("totalItems");
        String id = createInvestor("OTHER", "US");
        anyone().queryParam("size", 1).get("/api/v1/investors").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(1))
                .body("totalItems", equalTo(before + 1)).body("totalPages", equalTo(before + 1));
        assertTrue(Paging.all("/api/v1/investors").stream().anyMatch(investor -> id.equals(investor.get("id"))));
        Paging.assertRefusesBadPaging("/api/v1/investors");
    }

    @Test
    void namesAreUniqueRegardlessOfCase() {
        String name = "SoftBank " + UUID.randomUUID();
        asEditor().body(Map.of("name", name, "kind", "CORPORATE", "country", "JP")).post("/api/v1/investors")
                .then().statusCode(201);
        asEditor().body(Map.of("name", name.toUpperCase(), "kind", "CORPORATE", "country", "JP")).post("/api/v1/investors")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://chipbet.io/problems/investor-exists"))
                .body("status", equalTo(409));
    }

    @Test
    void invalidInputListsEveryViolation() {
        asEditor().body(Map.of("name", " ", "kind", "SOVEREIGN_FUND", "country", "XX")).post("/api/v1/investors")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("name", "country"));
        asEditor().body("{\"name\": \"x\", \"kind\": \"HEDGE_FUND\", \"country\": \"US\"}").post("/api/v1/investors")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"));
        asEditor().body("{not json").post("/api/v1/investors")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownInvestorIsAProblem() {
        given().get("/api/v1/investors/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Investor not found"));
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyRecordsOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("name", "G42 " + key, "kind", "CORPORATE", "country", "AE");
        String first = asEditor().header("Idempotency-Key", key).body(body).post("/api/v1/investors")
                .then().statusCode(201).extract().path("id");
        String second = asEditor().header("Idempotency-Key", key).body(body).post("/api/v1/investors")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, second);
        assertEquals(1, investorsNamed("G42 " + key));

        asEditor().header("Idempotency-Key", key).body(Map.of("name", "Other " + key, "kind", "CORPORATE", "country", "AE"))
                .post("/api/v1/investors").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://chipbet.io/problems/idempotency-key-reused"));
    }

    @Test
    void concurrentFirstRequestsWithOneKeyCreateOnceAndAllGetItsResponse() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("name", "Racer " + key, "kind", "CORPORATE", "country", "AE");
        List<Response> responses = race(6, () -> asEditor().header("Idempotency-Key", key).body(body).post("/api/v1/investors"));
        // The requests with one key run one after another: the first creates, the others replay it.
        assertEquals(List.of(201), responses.stream().map(Response::statusCode).distinct().toList());
        assertEquals(1, responses.stream().map(response -> response.path("id")).distinct().count());
        assertEquals(1, investorsNamed("Racer " + key));
    }

    @Test
    void concurrentCreationsOfOneNameCreateOneAndTheOthersGet409() throws Exception {
        String name = "Twin " + UUID.randomUUID();
        Map<String, String> body = Map.of("name", name, "kind", "CORPORATE", "country", "AE");
        List<Response> responses = race(6, () -> asEditor().body(body).post("/api/v1/investors"));
        for (Response response : responses) {
            // The service's own check, or the database's unique key when two checks raced: 409 either way, never 500.
            assertTrue(List.of(201, 409).contains(response.statusCode()), response.asString());
        }
        assertEquals(1, responses.stream().filter(response -> response.statusCode() == 201).count());
        assertEquals(1, investorsNamed(name));
    }

    private static int investorsNamed(String name) {
        return (int) Paging.all("/api/v1/investors").stream().filter(investor -> name.equals(investor.get("name"))).count();
    }

    @Test
    void readsArePublicAndWritesNeedTheEditorRole() {
        given().get("/api/v1/investors").then().statusCode(200);
        Map<String, String> body = Map.of("name", "Anyone", "kind", "OTHER", "country", "US");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/investors")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(io.chipbet.infra.security.Tokens.forTests().withRoles("reader", "viewer"))
                .contentType(ContentType.JSON).body(body).post("/api/v1/investors")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
