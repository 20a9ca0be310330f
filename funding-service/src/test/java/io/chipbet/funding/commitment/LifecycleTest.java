package io.chipbet.funding.commitment;

import io.chipbet.funding.FundingApi;
import io.chipbet.platform.testing.TransitionTableTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.chipbet.platform.testing.Api.anyone;
import static io.chipbet.funding.FundingApi.changeStatus;
import static io.chipbet.funding.FundingApi.createInvestor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The whole transition table, every pair of statuses, through the public API. */
@QuarkusTest
class LifecycleTest extends TransitionTableTest {

    private static final List<String> STATUSES = List.of("RUMORED", "DISCUSSED", "PLEDGED", "COMMITTED", "DISBURSED", "WITHDRAWN");

    /** Written out by hand from the issue, not derived from the code under test. */
    private static final Set<String> LEGAL = Set.of(
            "RUMORED>DISCUSSED", "RUMORED>PLEDGED", "RUMORED>COMMITTED", "RUMORED>DISBURSED", "RUMORED>WITHDRAWN",
            "DISCUSSED>PLEDGED", "DISCUSSED>COMMITTED", "DISCUSSED>DISBURSED", "DISCUSSED>WITHDRAWN",
            "PLEDGED>COMMITTED", "PLEDGED>DISBURSED", "PLEDGED>WITHDRAWN",
            "COMMITTED>DISBURSED", "COMMITTED>WITHDRAWN",
            "DISBURSED>DISBURSED");

    LifecycleTest() {
        super(STATUSES, LEGAL);
    }

    @Override
    protected void transition(String from, String to, boolean legal) {
        String investor = createInvestor("SOVEREIGN_FUND", "AE");
        boolean startWithdrawn = from.equals("WITHDRAWN");
        Response created = FundingApi.record(investor, "1000", "FABS", startWithdrawn ? "RUMORED" : from);
        created.then().statusCode(201);
        String id = created.path("id");
        long version = 1;
        if (startWithdrawn) {
            changeStatus(id, version, FundingApi.to("WITHDRAWN")).then().statusCode(200);
            version++;
        }
        // DISBURSED needs a larger total than the 1 USD a DISBURSED commitment was recorded with.
        Map<String, Object> change = to.equals("DISBURSED") ? FundingApi.disburse("500") : FundingApi.to(to);
        Response response = changeStatus(id, version, change);

        if (legal) {
            response.then().statusCode(200).body("status", equalTo(to)).body("version", equalTo((int) version + 1))
                    .header("ETag", "\"" + (version + 1) + "\"");
            assertEquals(version + 1, history(id).size());
        } else {
            refused(response);
            anyone().get("/api/v1/commitments/" + id).then().body("status", equalTo(from)).body("version", equalTo((int) version));
            assertEquals(version, history(id).size(), "a refused change leaves no history");
        }
    }

    private static List<Object> history(String id) {
        return anyone().get("/api/v1/commitments/" + id + "/history").then().statusCode(200).extract().jsonPath().getList("items");
    }
}
