package io.chipbet.fab.slip;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.chipbet.fab.FabApi.announce;
import static io.chipbet.fab.FabApi.delay;
import static io.chipbet.fab.FabApi.milestone;
import static io.chipbet.platform.testing.Api.anyone;
import static io.chipbet.platform.testing.Api.decimal;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SlipStatisticsTest {

    @Test
    void slipStatisticsAreComputedFromTheDates() {
        // Names unique to this test, so other tests' fabs do not enter these groups.
        String alpha = "Alpha-" + UUID.randomUUID().toString().substring(0, 8);
        String beta = "Beta-" + UUID.randomUUID().toString().substring(0, 8);
        String west = "West-" + UUID.randomUUID().toString().substring(0, 8);
        String east = "East-" + UUID.randomUUID().toString().substring(0, 8);

        // Alpha, West: promised 2024-01-01, delayed to 2025-01-01 (12 months), then 2026-07-01 (30 months).
        String a1 = announce(alpha, west, "2024-01-01");
        delay(a1, 1, "2025-01-01").then().statusCode(200).body("slipMonths", equalTo(12));
        delay(a1, 2, "2026-07-01").then().statusCode(200).body("slipMonths", equalTo(30))
                .body("originalProductionDate", equalTo("2024-01-01"));
        // Alpha, West: promised 2024-01-01, produced 2024-10-15: 9 whole months.
        String a2 = announce(alpha, west, "2024-01-01");
        milestone(a2, 1, "VOLUME_PRODUCTION", "2024-10-15").then().statusCode(200).body("slipMonths", equalTo(9));
        // Alpha, East: on time, 0 months.
        announce(alpha, east, "2025-03-01");
        // Beta, East: promised 2025-01-01, delayed to 2030-01-01: 60 months.
        String b1 = announce(beta, east, "2025-01-01");
        delay(b1, 1, "2030-01-01").then().statusCode(200);
        // Beta, East: cancelled after a delay: left out of the statistics.
        String b2 = announce(beta, east, "2025-01-01");
        delay(b2, 1, "2027-01-01").then().statusCode(200);
        milestone(b2, 2, "CANCELLED", "2024-01-01").then().statusCode(200);

        // By hand. Alpha: 30, 9, 0 -> count 3, mean 13.0, median 9, p90 = ceil(2.7) = 3rd smallest = 30.
        //          Beta: 60 -> count 1, mean 60, median 60, p90 60.
        //          West: 30, 9 -> mean 19.5, median 19.5, p90 = ceil(1.8) = 2nd = 30.
        //          East: 0, 60 -> mean 30, median 30, p90 = 60.
        anyone().get("/api/v1/slip-statistics").then().statusCode(200)
                .body("byOperator.'" + alpha + "'.count", equalTo(3))
                .body("byOperator.'" + alpha + "'.mean", decimal("13.0"))
                .body("byOperator.'" + alpha + "'.median", decimal("9.0"))
                .body("byOperator.'" + alpha + "'.p90", equalTo(30))
                .body("byOperator.'" + beta + "'.count", equalTo(1))
                .body("byOperator.'" + beta + "'.mean", decimal("60.0"))
                .body("byOperator.'" + beta + "'.p90", equalTo(60))
                .body("byRegion.'" + west + "'.count", equalTo(2))
                .body("byRegion.'" + west + "'.mean", decimal("19.5"))
                .body("byRegion.'" + west + "'.median", decimal("19.5"))
                .body("byRegion.'" + west + "'.p90", equalTo(30))
                .body("byRegion.'" + east + "'.count", equalTo(2))
                .body("byRegion.'" + east + "'.median", decimal("30.0"))
                .body("byRegion.'" + east + "'.p90", equalTo(60));
    }
}
