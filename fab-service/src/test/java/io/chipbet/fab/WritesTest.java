package io.chipbet.fab;

import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.testing.WriteConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.chipbet.fab.FabApi.SOURCE;

/** Every fab write, held to the input and retry conventions (see WriteConventionsTest). */
@QuarkusTest
class WritesTest extends WriteConventionsTest {

    @Override
    protected List<Write> writes() {
        return List.of(
                new Write("announce a fab", () -> "/api/v1/fabs", WritesTest::fab, Map.of("site", "elsewhere"), FabTopics.PROJECTS),
                new Write("reach a milestone", () -> fabPath() + "/milestones",
                        () -> Map.of("status", "PERMITTING", "reachedOn", "2021-04-01", "source", SOURCE, "note", "Permit filed"),
                        Map.of("note", "another note"), FabTopics.PROJECTS),
                new Write("delay a fab", () -> fabPath() + "/delays",
                        () -> Map.of("plannedProductionDate", "2026-01-01", "reason", "Labour shortages", "source", SOURCE),
                        Map.of("reason", "another reason"), FabTopics.PROJECTS),
                new Write("revise a fab", () -> fabPath() + "/revisions",
                        () -> Map.of("capexUsd", new BigDecimal("40000000000.50"), "capacityWafersPerMonth", 30000,
                                "operationsHeadcount", 4500, "constructionPeakHeadcount", 12000, "reason", "Phase 2", "source", SOURCE),
                        Map.of("reason", "another reason"), FabTopics.PROJECTS));
    }

    /** A fab with every optional field set, so that each is varied. */
    private static Map<String, Object> fab() {
        Map<String, Object> body = new HashMap<>(FabApi.fab("TSMC", "US", "2024-01-01"));
        body.put("site", "Phoenix, Arizona");
        body.put("capexUsd", new BigDecimal("12000000000.25"));
        body.put("operationsHeadcount", 2000);
        body.put("constructionPeakHeadcount", 12000);
        body.put("plannedProductionDate", "2025-01-01");
        return body;
    }

    private static String fabPath() {
        return "/api/v1/fabs/" + FabApi.announce("TSMC", "US", "2024-01-01");
    }
}
