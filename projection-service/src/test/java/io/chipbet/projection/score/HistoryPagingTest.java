package io.chipbet.projection.score;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * GET /api/v1/feasibility/history answers the newest points first, a page at a time, and counts them
 * all: none is left out, however many there are (it used to answer the oldest 100,000 and drop the rest).
 */
@QuarkusTest
class HistoryPagingTest {

    /** A window of its own, years before any other test's points: 250 points, one a minute. */
    private static final Instant FIRST = Instant.parse("2001-03-04T10:05:00Z");
    private static final int POINTS = 250;

    @Inject
    Pool database;

    @Test
    void theNewestPointsComeFirstAndEveryPageIsCounted() {
        insertPoints();
        String window = "from=" + FIRST + "&to=" + FIRST.plus(POINTS, ChronoUnit.MINUTES);

        var first = given().get("/api/v1/feasibility/history?" + window + "&size=100").then().statusCode(200).extract().jsonPath();
        assertEquals(POINTS, first.getLong("totalItems"));
        assertEquals(3, first.getInt("totalPages"));
        List<String> at = first.getList("items.at");
        assertEquals(100, at.size());
        assertEquals(FIRST.plus(POINTS - 1, ChronoUnit.MINUTES), Instant.parse(at.get(0)), "the newest point first");
        assertEquals(FIRST.plus(POINTS - 100, ChronoUnit.MINUTES), Instant.parse(at.get(99)));

        List<String> last = given().get("/api/v1/feasibility/history?" + window + "&size=100&page=2").then().statusCode(200)
                .extract().jsonPath().getList("items.at");
        assertEquals(50, last.size());
        assertEquals(FIRST, Instant.parse(last.get(49)), "the oldest point on the last page");

        // By the hour: 10:05-10:59, 11:00-11:59, ..., 14:00-14:14 are five buckets, each the last point in it.
        var hours = given().get("/api/v1/feasibility/history?" + window + "&resolution=HOUR&size=2").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(5, hours.getLong("totalItems"));
        assertEquals(List.of("2001-03-04T14:14:00Z", "2001-03-04T13:59:00Z"), hours.getList("items.at"));
        given().get("/api/v1/feasibility/history?" + window + "&size=0").then().statusCode(400);
    }

    private void insertPoints() {
        for (int i = 0; i < POINTS; i++) {
            database.preparedQuery("""
                            insert into score_point (id, at, event_id, event_type, aggregate_type, aggregate_id, description, deliverable_before,
                                deliverable_after, deliverable_delta, fabs_delta, capital_delta, talent_delta, binding_constraint)
                            values (nextval('score_point_seq'), $1, $2, 'FabDelayed', 'fab', $3, 'history test', 0, $4, $4, 0, 0, 0, 'fabs')""")
                    .execute(Tuple.of(FIRST.plus(i, ChronoUnit.MINUTES).atOffset(java.time.ZoneOffset.UTC), UUID.randomUUID(),
                            UUID.randomUUID(), (double) i))
                    .await().atMost(Duration.ofSeconds(10));
        }
    }
}
