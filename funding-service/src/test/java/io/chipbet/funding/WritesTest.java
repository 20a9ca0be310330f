package io.chipbet.funding;

import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.testing.WriteConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chipbet.funding.FundingApi.SOURCE;

/** Every funding write, held to the input and retry conventions (see WriteConventionsTest). */
@QuarkusTest
class WritesTest extends WriteConventionsTest {

    @Override
    protected List<Write> writes() {
        String investor = FundingApi.createInvestor("CORPORATE", "US");
        return List.of(
                new Write("record an investor", () -> "/api/v1/investors",
                        () -> Map.of("name", "Investor " + UUID.randomUUID(), "kind", "SOVEREIGN_FUND", "country", "AE"),
                        Map.of("kind", "GOVERNMENT"), null),
                new Write("record a commitment", () -> "/api/v1/commitments", () -> commitment(investor),
                        Map.of("notes", "another note"), FundingTopics.COMMITMENTS),
                new Write("change a commitment's status", () -> commitmentPath(investor) + "/status-changes",
                        () -> Map.of("to", "DISBURSED", "disbursedUsd", new BigDecimal("400.50"), "source", SOURCE, "note", "first payment"),
                        Map.of("note", "another note"), FundingTopics.COMMITMENTS),
                new Write("revise a commitment", () -> commitmentPath(investor) + "/revisions",
                        () -> Map.of("amountUsd", new BigDecimal("2000.25"), "reportedAmount", new BigDecimal("1800"),
                                "reportedCurrency", "EUR", "reason", "Raised", "source", SOURCE),
                        Map.of("reason", "another reason"), FundingTopics.COMMITMENTS));
    }

    /** A commitment with every optional field set, so that each is varied. */
    private static Map<String, Object> commitment(String investor) {
        Map<String, Object> body = new HashMap<>(FundingApi.commitment(investor, "1000", "FABS", "COMMITTED"));
        body.put("reportedAmount", new BigDecimal("920.10"));
        body.put("reportedCurrency", "EUR");
        body.put("notes", "Reported by two outlets");
        return body;
    }

    private static String commitmentPath(String investor) {
        return "/api/v1/commitments/" + FundingApi.record(investor, "1000", "FABS", "COMMITTED")
                .then().statusCode(201).extract().path("id");
    }
}
