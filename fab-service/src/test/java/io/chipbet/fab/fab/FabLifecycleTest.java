package io.chipbet.fab.fab;

import io.chipbet.platform.testing.TransitionTableTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import java.util.List;
import java.util.Set;

import static io.chipbet.fab.FabApi.announce;
import static io.chipbet.fab.FabApi.milestone;
import static io.chipbet.platform.testing.Api.anyone;
import static org.hamcrest.Matchers.equalTo;

/** Every pair of statuses through the public API; PAUSED here is a fab paused while UNDER_CONSTRUCTION. */
@QuarkusTest
class FabLifecycleTest extends TransitionTableTest {

    private static final List<String> STATUSES = List.of("ANNOUNCED", "PERMITTING", "UNDER_CONSTRUCTION", "TOOL_INSTALL",
            "RISK_PRODUCTION", "VOLUME_PRODUCTION", "PAUSED", "CANCELLED");

    /** Written out by hand from the issue, not derived from the code under test. */
    private static final Set<String> LEGAL = Set.of(
            "ANNOUNCED>PERMITTING", "ANNOUNCED>UNDER_CONSTRUCTION", "ANNOUNCED>TOOL_INSTALL", "ANNOUNCED>RISK_PRODUCTION",
            "ANNOUNCED>VOLUME_PRODUCTION", "ANNOUNCED>PAUSED", "ANNOUNCED>CANCELLED",
            "PERMITTING>UNDER_CONSTRUCTION", "PERMITTING>TOOL_INSTALL", "PERMITTING>RISK_PRODUCTION",
            "PERMITTING>VOLUME_PRODUCTION", "PERMITTING>PAUSED", "PERMITTING>CANCELLED",
            "UNDER_CONSTRUCTION>TOOL_INSTALL", "UNDER_CONSTRUCTION>RISK_PRODUCTION", "UNDER_CONSTRUCTION>VOLUME_PRODUCTION",
            "UNDER_CONSTRUCTION>PAUSED", "UNDER_CONSTRUCTION>CANCELLED",
            "TOOL_INSTALL>RISK_PRODUCTION", "TOOL_INSTALL>VOLUME_PRODUCTION", "TOOL_INSTALL>PAUSED", "TOOL_INSTALL>CANCELLED",
            "RISK_PRODUCTION>VOLUME_PRODUCTION", "RISK_PRODUCTION>PAUSED", "RISK_PRODUCTION>CANCELLED",
            "PAUSED>UNDER_CONSTRUCTION", "PAUSED>TOOL_INSTALL", "PAUSED>RISK_PRODUCTION", "PAUSED>VOLUME_PRODUCTION",
            "PAUSED>CANCELLED");

    FabLifecycleTest() {
        super(STATUSES, LEGAL);
    }

    @Override
    protected void transition(String from, String to, boolean legal) {
        String id = announce("Lifecycle", "US", "2024-01-01");
        long version = 1;
        if (from.equals("PAUSED")) {
            milestone(id, version++, "UNDER_CONSTRUCTION", "2021-01-01").then().statusCode(200);
            milestone(id, version++, "PAUSED", "2021-06-01").then().statusCode(200);
        } else if (!from.equals("ANNOUNCED")) {
            milestone(id, version++, from, "2021-01-01").then().statusCode(200);
        }
        Response response = milestone(id, version, to, "2022-01-01");
        if (legal) {
            response.then().statusCode(200).body("status", equalTo(to)).header("ETag", "\"" + (version + 1) + "\"");
        } else {
            refused(response);
            anyone().get("/api/v1/fabs/" + id).then().body("status", equalTo(from)).body("version", equalTo((int) version));
            anyone().get("/api/v1/fabs/" + id + "/timeline").then().body("totalItems", equalTo((int) version));
        }
    }
}
