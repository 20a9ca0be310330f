package io.chipbet.fab;

import io.restassured.response.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.chipbet.platform.testing.Api.asEditor;
import static io.chipbet.platform.testing.Api.etag;

/** What the fab tests do over HTTP, as a client would, with an editor's token. */
public final class FabApi {

    public static final Map<String, String> SOURCE = Map.of(
            "url", "https://pr.tsmc.com/english/news/2033",
            "title", "TSMC Announces Intention to Build and Operate an Advanced Semiconductor Fab in the United States");

    private FabApi() {
    }

    /** A fab announced on 2020-05-15, promised for {@code original} (may be null). */
    public static Map<String, Object> fab(String operator, String region, String original) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "name", operator + " fab", "operator", operator, "country", "US", "region", region,
                "nodeClass", "LEADING_EDGE", "processLabel", "N4", "capacityWafersPerMonth", 20000,
                "announcedOn", "2020-05-15", "sources", List.of(SOURCE)));
        if (original != null) {
            body.put("originalProductionDate", original);
        }
        return body;
    }

    public static Response announce(Map<String, Object> fab) {
        return asEditor().body(fab).post("/api/v1/fabs");
    }

    public static String announce(String operator, String region, String original) {
        return announce(fab(operator, region, original)).then().statusCode(201).extract().path("id");
    }

    public static Response milestone(String id, long version, String status, String reachedOn) {
        return asEditor().header("If-Match", etag(version))
                .body(Map.of("status", status, "reachedOn", reachedOn, "source", SOURCE))
                .post("/api/v1/fabs/" + id + "/milestones");
    }

    public static Response delay(String id, long version, String plannedProductionDate) {
        return asEditor().header("If-Match", etag(version))
                .body(Map.of("plannedProductionDate", plannedProductionDate, "reason", "Labour shortages", "source", SOURCE))
                .post("/api/v1/fabs/" + id + "/delays");
    }
}
