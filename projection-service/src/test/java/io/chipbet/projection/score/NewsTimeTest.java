package io.chipbet.projection.score;

import com.fasterxml.jackson.core.type.TypeReference;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.projection.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.chipbet.platform.testing.Api.anyone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The record in news time, against a real broker and database. The other tests' facts carry today's
 * news date, so as of 2024 only this test's facts are on record. Test plan: 10 fabs of 100 wpm; each fab
 * here makes 600 wpm and produces since 2023, and no talent is on record in 2024, so the deliverable
 * capacity is the tracked fabs' and the plan is met with two of them.
 */
@QuarkusTest
class NewsTimeTest {

    private static final String FABS = "chipbet.fabs.projects.v1";

    @Test
    void theAnswerAsOfADayAndOverNewsTimeIncludingALateArrivingFact() {
        send(UUID.randomUUID(), "News fab March", "2024-03-01");
        send(UUID.randomUUID(), "News fab September", "2024-09-15");

        JsonPath june = awaitAsOf("2024-06-30", json -> json.getInt("inputs.fabs") == 1);
        assertEquals(0.0, june.getDouble("probability"), 1e-12, "one fab of 600 wpm: short of the plan's 1,000");
        assertEquals(6.0, june.getDouble("deliverable.fabsWorth.p50"), 1e-9);
        assertEquals("2024-06-30", june.getString("evaluatedOn"));
        JsonPath december = awaitAsOf("2024-12-31", json -> json.getInt("inputs.fabs") == 2);
        assertEquals(1.0, december.getDouble("probability"), 1e-12);

        List<Map<String, Object>> before = awaitHistory(points -> points.size() == 2);
        assertEquals(List.of("2024-03-01", "2024-09-15"), before.stream().map(point -> point.get("on")).toList());
        assertEquals(List.of(0.0, 1.0), before.stream().map(point -> ((Number) point.get("probability")).doubleValue()).toList());
        assertTrue(before.get(1).get("news").toString().contains("News fab September"), before.get(1)::toString);
        assertEquals(List.of(Map.of("url", "https://example.org/source", "title", "A source")), before.get(1).get("sources"),
                "each news item with its fact's source, for the dashboard's markers");

        // A fact loaded today, known since May 2024, lands at its news date, and the history after it is redrawn.
        send(UUID.randomUUID(), "News fab May, loaded late", "2024-05-01");
        List<Map<String, Object>> after = awaitHistory(points -> points.size() == 3);
        assertEquals(List.of("2024-03-01", "2024-05-01", "2024-09-15"), after.stream().map(point -> point.get("on")).toList());
        assertEquals(1.0, ((Number) after.get(1).get("probability")).doubleValue(), 1e-12, "two fabs by May");
        assertEquals(18.0, ((Number) ((Map<?, ?>) after.get(2).get("deliverableFabsWorth")).get("p50")).doubleValue(), 1e-9,
                "three by September");
        assertEquals(1.0, awaitAsOf("2024-06-30", json -> json.getInt("inputs.fabs") == 2).getDouble("probability"), 1e-12);

        anyone().get("/api/v1/feasibility?asOf=last-june").then().statusCode(400).contentType("application/problem+json");
        anyone().get("/api/v1/feasibility/history/news?from=yesterday").then().statusCode(400);
    }

    private static void send(UUID id, String name, String newsDate) {
        Events.send(FABS, id.toString(), Events.mutated(Events.envelope("FabAnnounced", "fab", id, 1,
                Events.fab(id, name, FabStatus.VOLUME_PRODUCTION, 600, null, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 1), 1)),
                tree -> tree.put("effectiveOn", newsDate)));
    }

    private static JsonPath awaitAsOf(String date, Predicate<JsonPath> condition) {
        return await(() -> anyone().get("/api/v1/feasibility?asOf=" + date).then().statusCode(200).extract().jsonPath(), condition);
    }

    private static List<Map<String, Object>> awaitHistory(Predicate<List<Map<String, Object>>> condition) {
        return await(() -> {
            String body = anyone().get("/api/v1/feasibility/history/news?from=2024-01-01&to=2024-12-31").then().statusCode(200)
                    .extract().asString();
            try {
                return Events.JSON.readValue(body, new TypeReference<List<Map<String, Object>>>() {
                });
            } catch (Exception e) {
                throw new IllegalStateException(body, e);
            }
        }, condition);
    }

    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> condition) {
        return io.chipbet.platform.testing.Await.until(read, condition, Duration.ofSeconds(30), String::valueOf);
    }
}
