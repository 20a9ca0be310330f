package io.chipbet.talent;

import io.chipbet.platform.contract.talent.TalentTopics;
import io.chipbet.platform.testing.WriteConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.chipbet.talent.TalentApi.SOURCE;
import static io.chipbet.talent.TalentApi.pool;
import static io.chipbet.talent.TalentApi.program;
import static io.chipbet.talent.TalentApi.recordPool;
import static io.chipbet.talent.TalentApi.uniqueRegion;

/** Every talent write, held to the input and retry conventions (see WriteConventionsTest). */
@QuarkusTest
class WritesTest extends WriteConventionsTest {

    @Override
    protected List<Write> writes() {
        return List.of(
                new Write("record a talent pool", () -> "/api/v1/talent-pools",
                        () -> pool(uniqueRegion(), "TECHNICIAN", 1000, 50, "0.0525"), Map.of("headcount", 1001L), TalentTopics.POOLS),
                new Write("update a talent pool", () -> "/api/v1/talent-pools/" + recordPool(pool(uniqueRegion(), "ENGINEER", 100, 10, "0.05")) + "/updates",
                        () -> Map.of("asOfYear", 2023, "headcount", 1200L, "annualPipeline", 60L, "attritionRate", new BigDecimal("0.0450"),
                                "reason", "2023 census", "source", SOURCE),
                        Map.of("reason", "another reason"), TalentTopics.POOLS),
                new Write("record a training program", () -> "/api/v1/training-programs",
                        () -> program(uniqueRegion(), "TECHNICIAN", 500, 2025, 2030), Map.of("workersPerYear", 501L), TalentTopics.POOLS),
                new Write("publish a shortfall estimate", () -> "/api/v1/shortfall-estimates",
                        () -> Map.of("region", uniqueRegion(), "role", "ENGINEER", "targetYear", 2030, "shortfall", 27300L,
                                "demand", 460000L, "source", SOURCE),
                        Map.of("shortfall", 27301L), TalentTopics.POOLS));
    }
}
