package io.chipbet.funding.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipbet.funding.FundingApi;
import io.chipbet.platform.event.CloudEventHeaders;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.testing.EventSchemas;
import io.chipbet.platform.testing.EventTopic;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.testing.StateFields;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.chipbet.funding.FundingApi.SOURCE;
import static io.chipbet.platform.testing.Api.asEditor;
import static io.chipbet.funding.FundingApi.changeStatus;
import static io.chipbet.funding.FundingApi.createInvestor;
import static io.chipbet.platform.testing.Api.decimal;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The events on chipbet.funding.commitments.v1, read with a plain Kafka consumer and checked against their schemas. */
@QuarkusTest
class CommitmentEventsTest {

    private static final String TOPIC = FundingTopics.COMMITMENTS;

    @Test
    void everySuccessfulChangeIsOneEventAndEveryRefusedOneIsNone() {
        try (EventTopic topic = new EventTopic(TOPIC)) {
            String investor = createInvestor("SOVEREIGN_FUND", "AE");
            String id = FundingApi.record(investor, "1000", "FABS", "DISCUSSED").then().statusCode(201).extract().path("id");
            changeStatus(id, 1, FundingApi.to("COMMITTED")).then().statusCode(200);
            changeStatus(id, 2, FundingApi.to("RUMORED")).then().statusCode(409);           // refused: no event
            changeStatus(id, 1, FundingApi.to("DISBURSED")).then().statusCode(412);         // stale: no event
            asEditor().header("If-Match", "\"2\"").body(Map.of("amountUsd", new BigDecimal("800"), "reason", "trimmed", "source", SOURCE))
                    .post("/api/v1/commitments/" + id + "/revisions").then().statusCode(200);
            changeStatus(id, 3, FundingApi.to("WITHDRAWN")).then().statusCode(200);

            List<ConsumerRecord<String, String>> records = topic.awaitKey(id, 4, Duration.ofSeconds(30));
            List<String> types = List.of("CommitmentRecorded", "CommitmentStatusChanged", "CommitmentRevised", "CommitmentWithdrawn");
            assertEquals(4, records.size());
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, String> record = records.get(i);
                JsonNode event = EventSchemas.validate("funding/" + types.get(i) + ".schema.json", record.value());
                assertEquals(types.get(i), event.get("type").asText());
                assertEquals(i + 1, event.get("aggregateVersion").asInt(), "versions follow the changes, without gaps");
                assertEquals(id, event.get("aggregateId").asText());
                assertEquals(event.get("eventId").asText(), CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID));
                assertEquals("io.chipbet.commitment." + types.get(i), CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE));
                assertEquals("/chipbet/funding-service", CloudEventHeaders.read(record.headers(), CloudEventHeaders.SOURCE));
                assertEquals("application/json", CloudEventHeaders.read(record.headers(), CloudEventHeaders.CONTENT_TYPE));
                assertEquals("AE", event.at("/data/investor/country").asText(), "consumers need no second topic");
                assertEquals("SOVEREIGN_FUND", event.at("/data/investor/kind").asText());
            }
            JsonNode changed = EventSchemas.validate("funding/CommitmentStatusChanged.schema.json", records.get(1).value());
            assertEquals("status", changed.at("/changes/0/field").asText());
            assertEquals("DISCUSSED", changed.at("/changes/0/from").asText());
            assertEquals("COMMITTED", changed.at("/changes/0/to").asText());
            JsonNode revised = EventSchemas.validate("funding/CommitmentRevised.schema.json", records.get(2).value());
            assertEquals(800, revised.at("/data/amountUsd").asInt());
            assertEquals("WITHDRAWN", EventSchemas.validate("funding/CommitmentWithdrawn.schema.json", records.get(3).value())
                    .at("/data/status").asText());

            assertEquals(4, topic.settle(record -> id.equals(record.key()), Duration.ofSeconds(2)).size(), "no duplicates");
        }
    }

    /** 900 and 900.00 are one amount: a revision to what is stored changes nothing, so it is refused and publishes nothing. */
    @Test
    void aRevisionToTheStoredAmountsWrittenAtAnotherScaleIsRefusedAndPublishesNothing() {
        try (EventTopic topic = new EventTopic(TOPIC)) {
            Map<String, Object> commitment = FundingApi.commitment(createInvestor("CORPORATE", "FR"), "1000", "FABS", null);
            commitment.put("reportedAmount", new BigDecimal("900.00"));
            commitment.put("reportedCurrency", "EUR");
            String id = asEditor().body(commitment).post("/api/v1/commitments").then().statusCode(201)
                    .body("reportedAmount", decimal("900")).extract().path("id");
            for (Map<String, Object> same : List.of(
                    Map.of("amountUsd", new BigDecimal("1000"), "reportedAmount", new BigDecimal("900"), "reportedCurrency", "EUR",
                            "reason", "restated", "source", SOURCE),
                    Map.of("amountUsd", new BigDecimal("1000.0"), "reason", "restated", "source", SOURCE))) {
                asEditor().header("If-Match", "\"1\"").body(same).post("/api/v1/commitments/" + id + "/revisions")
                        .then().statusCode(422).body("violations.field", hasItems("amountUsd"));
            }
            // Another currency for the same figure is a change.
            asEditor().header("If-Match", "\"1\"").body(Map.of("amountUsd", new BigDecimal("1000"), "reportedAmount",
                            new BigDecimal("900"), "reportedCurrency", "GBP", "reason", "currency corrected", "source", SOURCE))
                    .post("/api/v1/commitments/" + id + "/revisions").then().statusCode(200).header("ETag", "\"2\"");

            topic.awaitKey(id, 2, Duration.ofSeconds(30));
            assertEquals(List.of("CommitmentRecorded", "CommitmentRevised"),
                    topic.settle(record -> id.equals(record.key()), Duration.ofSeconds(2)).stream()
                            .map(record -> EventSchemas.validate("envelope.schema.json", record.value()).get("type").asText()).toList());
        }
    }

    /** A field of the events' data that no request sets and the service does not derive would always be null. */
    @Test
    void everyFieldOfACommitmentIsSentOrDerived() {
        StateFields.assertEachIsSentOrDerived(CommitmentState.class, Map.of("investor", "the investor investorId names"),
                List.of(NewCommitment.class, StatusChange.class, AmountRevision.class));
    }
}
