package io.chipbet.fab.fab;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.event.CloudEventHeaders;
import io.chipbet.platform.testing.EventSchemas;
import io.chipbet.platform.testing.EventTopic;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.testing.StateFields;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.chipbet.fab.FabApi.SOURCE;
import static io.chipbet.fab.FabApi.announce;
import static io.chipbet.fab.FabApi.delay;
import static io.chipbet.fab.FabApi.milestone;
import static io.chipbet.platform.testing.Api.asEditor;
import static io.chipbet.platform.testing.Api.etag;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The events on chipbet.fabs.projects.v1, read with a plain Kafka consumer and checked against their schemas. */
@QuarkusTest
class FabEventsTest {

    @Test
    void everyChangeIsOneEventOfItsTypeWithTheFullState() {
        try (EventTopic topic = new EventTopic(FabTopics.PROJECTS)) {
            String id = announce("Samsung", "US", "2024-01-01");
            milestone(id, 1, "UNDER_CONSTRUCTION", "2022-03-01").then().statusCode(200);
            delay(id, 2, "2026-01-01").then().statusCode(200);
            delay(id, 3, "2025-01-01").then().statusCode(422);                       // refused: no event
            asEditor().header("If-Match", etag(3)).body(Map.of("capacityWafersPerMonth", 16000, "reason", "r", "source", SOURCE))
                    .post("/api/v1/fabs/" + id + "/revisions").then().statusCode(200);
            milestone(id, 4, "PAUSED", "2023-01-01").then().statusCode(200);
            milestone(id, 5, "CANCELLED", "2023-06-01").then().statusCode(200);

            List<String> types = List.of("FabAnnounced", "FabMilestoneReached", "FabDelayed", "FabRevised", "FabPaused", "FabCancelled");
            List<ConsumerRecord<String, String>> records = topic.awaitKey(id, types.size(), Duration.ofSeconds(30));
            assertEquals(types.size(), records.size());
            for (int i = 0; i < records.size(); i++) {
                JsonNode event = EventSchemas.validate("fab/" + types.get(i) + ".schema.json", records.get(i).value());
                assertEquals(types.get(i), event.get("type").asText());
                assertEquals(i + 1, event.get("aggregateVersion").asInt());
                assertEquals("io.chipbet.fab." + types.get(i), CloudEventHeaders.read(records.get(i).headers(), CloudEventHeaders.TYPE));
                assertEquals("/chipbet/fab-service", CloudEventHeaders.read(records.get(i).headers(), CloudEventHeaders.SOURCE));
            }
            JsonNode delayed = EventSchemas.validate("fab/FabDelayed.schema.json", records.get(2).value());
            assertEquals(24, delayed.at("/data/slipMonths").asInt());
            assertEquals("2024-01-01", delayed.at("/data/originalProductionDate").asText());
            JsonNode paused = EventSchemas.validate("fab/FabPaused.schema.json", records.get(4).value());
            assertEquals("UNDER_CONSTRUCTION", paused.at("/data/pausedFrom").asText());
            assertEquals(types.size(), topic.settle(record -> id.equals(record.key()), Duration.ofSeconds(2)).size());
        }
    }

    /** A field of the events' data that no request sets and the service does not derive would always be null. */
    @Test
    void everyFieldOfAFabIsSentOrDerived() {
        StateFields.assertEachIsSentOrDerived(FabState.class, Map.of("pausedFrom", "the stage a PAUSED status change leaves",
                        "constructionStartOn", "UNDER_CONSTRUCTION's reachedOn", "actualProductionDate", "VOLUME_PRODUCTION's reachedOn",
                        "slipMonths", "from the dates"), List.of(NewFab.class, FabStatusChange.class, Delay.class, FabRevision.class));
    }
}
