package io.chipbet.funding.summary;

import io.chipbet.funding.FundingApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.chipbet.platform.testing.Api.anyone;
import static io.chipbet.funding.FundingApi.changeStatus;
import static io.chipbet.funding.FundingApi.createInvestor;
import static io.chipbet.funding.FundingApi.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SummaryResourceTest {

    @Test
    void totalsMoveByExactlyWhatWasRecorded() {
        String investor = createInvestor("SOVEREIGN_FUND", "AE");
        JsonPath before = summary();
        record(investor, "100", "FABS", "PLEDGED").then().statusCode(201);
        record(investor, "250.50", "DATA_CENTERS", "PLEDGED").then().statusCode(201);
        String paid = record(investor, "1000", "FABS", "COMMITTED").path("id");
        changeStatus(paid, 1, FundingApi.disburse("400")).then().statusCode(200);
        String dropped = record(investor, "5000", "FABS", "RUMORED").path("id");
        changeStatus(dropped, 1, FundingApi.to("WITHDRAWN")).then().statusCode(200);
        JsonPath after = summary();

        // By hand: 4 commitments; active = 100 + 250.50 + 1000 = 1350.50 (the withdrawn 5000 is out); paid 400.
        assertEquals(4, after.getLong("commitments") - before.getLong("commitments"));
        assertAmount("1350.50", delta(before, after, "activeAmountUsd"));
        assertAmount("400", delta(before, after, "disbursedUsd"));
        assertAmount("350.50", delta(before, after, "byStatus.PLEDGED.amountUsd"));
        assertEquals(2, after.getLong("byStatus.PLEDGED.commitments") - before.getLong("byStatus.PLEDGED.commitments"));
        assertAmount("400", delta(before, after, "byStatus.DISBURSED.disbursedUsd"));
        assertAmount("5000", delta(before, after, "byStatus.WITHDRAWN.amountUsd"));
        assertAmount("6100", delta(before, after, "byPurpose.FABS.amountUsd"));
        assertAmount("250.50", delta(before, after, "byPurpose.DATA_CENTERS.amountUsd"));
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    private static JsonPath summary() {
        return anyone().get("/api/v1/summary").then().statusCode(200).extract().jsonPath();
    }

    private static BigDecimal delta(JsonPath before, JsonPath after, String path) {
        return amount(after, path).subtract(amount(before, path));
    }

    private static BigDecimal amount(JsonPath json, String path) {
        Object value = json.get(path);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
