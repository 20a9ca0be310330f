package io.chipbet.talent.forecast;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.chipbet.platform.testing.Api.anyone;
import static io.chipbet.platform.testing.Api.asEditor;
import static io.chipbet.talent.TalentApi.SOURCE;
import static io.chipbet.talent.TalentApi.pool;
import static io.chipbet.talent.TalentApi.program;
import static io.chipbet.talent.TalentApi.recordPool;
import static io.chipbet.talent.TalentApi.uniqueRegion;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SupplyProjectionTest {

    @Test
    void projectsHeadcountByHand() {
        String region = uniqueRegion();
        recordPool(pool(region, "TECHNICIAN", 1000, 100, "0.1"));
        asEditor().body(program(region, "TECHNICIAN", 50, 2024, 2025)).post("/api/v1/training-programs").then().statusCode(201);

        // By hand, 2022 -> 2025, n = 3, survival s = 0.9:
        //   today's 1000 x 0.9^3                      = 729
        //   pipeline 100 x (0.9^2 + 0.9 + 1)          = 271
        //   programs: 2023: 0; 2024: 50 x 0.9; 2025: 50 = 95
        //   total                                     = 1095
        anyone().queryParam("region", region).queryParam("role", "TECHNICIAN").queryParam("year", 2025)
                .get("/api/v1/supply-projection").then().statusCode(200)
                .body("projectedHeadcount", equalTo(1095))
                .body("fromCurrentWorkforce", equalTo(729))
                .body("fromPipeline", equalTo(271))
                .body("fromPrograms", equalTo(95));
        anyone().queryParam("region", region).queryParam("year", 2022).get("/api/v1/supply-projection")
                .then().body("projectedHeadcount", equalTo(1000));

        // A second role: 500 engineers, no pipeline, no attrition: still 500. All roles: 1095 + 500.
        recordPool(pool(region, "ENGINEER", 500, 0, "0"));
        anyone().queryParam("region", region.toLowerCase()).queryParam("year", 2025).get("/api/v1/supply-projection")
                .then().statusCode(200).body("projectedHeadcount", equalTo(1595)).body("byRole.size()", equalTo(2));
    }

    @Test
    void showsThePublishedShortfallBesideTheProjection() {
        String region = uniqueRegion();
        recordPool(pool(region, "ENGINEER", 2000, 0, "0"));
        asEditor().body(Map.of("region", region, "targetYear", 2030, "shortfall", 67000, "demand", 460000, "source", SOURCE))
                .post("/api/v1/shortfall-estimates").then().statusCode(201);
        anyone().queryParam("region", region).queryParam("year", 2030).get("/api/v1/supply-projection").then().statusCode(200)
                .body("projectedHeadcount", equalTo(2000))
                .body("publishedEstimates[0].shortfall", equalTo(67000))
                .body("publishedEstimates[0].demand", equalTo(460000));
    }

    @Test
    void badQueriesAreProblems() {
        String region = uniqueRegion();
        recordPool(pool(region, "ENGINEER", 10, 0, "0"));
        anyone().queryParam("region", region).get("/api/v1/supply-projection").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("year"));
        anyone().queryParam("region", region).queryParam("year", 2021).get("/api/v1/supply-projection").then().statusCode(422);
        anyone().queryParam("region", region).queryParam("year", 2030).queryParam("role", "WIZARD")
                .get("/api/v1/supply-projection").then().statusCode(400);
        anyone().queryParam("region", uniqueRegion()).queryParam("year", 2030).get("/api/v1/supply-projection").then().statusCode(404);
    }
}
