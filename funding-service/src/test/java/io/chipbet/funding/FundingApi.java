package io.chipbet.funding;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chipbet.platform.testing.Api.asEditor;

/** What the funding tests do over HTTP, as a client would, with an editor's token. */
public final class FundingApi {

    public static final Map<String, String> SOURCE = Map.of(
            "url", "https://gimletmedia.com/shows/the-journal/llhevgdz/sam-altmans-7-trillion-moonshot",
            "title", "Sam Altman's $7 Trillion 'Moonshot' (WSJ The Journal podcast, Feb 14 2024)");

    public static String createInvestor(String kind, String country) {
        String name = "Investor " + UUID.randomUUID();
        return asEditor().body(Map.of("name", name, "kind", kind, "country", country))
                .post("/api/v1/investors").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> commitment(String investorId, String amountUsd, String purpose, String status) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "investorId", investorId,
                "amountUsd", new BigDecimal(amountUsd),
                "purpose", purpose,
                "announcedOn", "2024-02-08",
                "sources", List.of(SOURCE)));
        if (status != null) {
            body.put("status", status);
        }
        if ("DISBURSED".equals(status)) {
            body.put("disbursedUsd", BigDecimal.ONE);
        }
        return body;
    }

    /** Records a commitment and returns it (its id and version are in the body). */
    public static Response record(String investorId, String amountUsd, String purpose, String status) {
        return asEditor().body(commitment(investorId, amountUsd, purpose, status)).post("/api/v1/commitments");
    }

    public static Response changeStatus(String id, long version, Map<String, Object> change) {
        return asEditor().header("If-Match", "\"" + version + "\"").body(change)
                .post("/api/v1/commitments/" + id + "/status-changes");
    }

    public static Map<String, Object> to(String status) {
        return Map.of("to", status, "source", SOURCE);
    }

    public static Map<String, Object> disburse(String disbursedUsd) {
        return Map.of("to", "DISBURSED", "disbursedUsd", new BigDecimal(disbursedUsd), "source", SOURCE);
    }
}
