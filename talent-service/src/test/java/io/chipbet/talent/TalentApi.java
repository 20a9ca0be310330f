package io.chipbet.talent;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chipbet.platform.testing.Api.asEditor;

/** What the talent tests send, as a client would. */
public final class TalentApi {

    public static final Map<String, String> SOURCE = Map.of(
            "url", "https://www.semiconductors.org/wp-content/uploads/2023/07/SIA_July2023_ChippingAway_website.pdf",
            "title", "Chipping Away: Assessing and Addressing the Labor Market Gap Facing the U.S. Semiconductor Industry (SIA, Oxford Economics, July 2023)");

    private TalentApi() {
    }

    /** A region code no other test uses, so its pools and projections are this test's alone. */
    public static String uniqueRegion() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Map<String, Object> pool(String region, String role, long headcount, long pipeline, String attrition) {
        return new HashMap<>(Map.of("region", region, "role", role, "asOfYear", 2022, "headcount", headcount,
                "annualPipeline", pipeline, "attritionRate", new BigDecimal(attrition), "sources", List.of(SOURCE)));
    }

    public static String recordPool(Map<String, Object> pool) {
        return asEditor().body(pool).post("/api/v1/talent-pools").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> program(String region, String role, long perYear, int start, int end) {
        return Map.of("name", "Apprenticeships " + region, "region", region, "role", role, "workersPerYear", perYear,
                "startYear", start, "endYear", end, "fundingUsd", new BigDecimal("1000000"), "source", SOURCE);
    }
}
