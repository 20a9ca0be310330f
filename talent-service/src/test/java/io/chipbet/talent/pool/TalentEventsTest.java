package io.chipbet.talent.pool;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipbet.platform.contract.talent.TalentTopics;
import io.chipbet.platform.testing.EventSchemas;
import io.chipbet.platform.testing.EventTopic;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import io.chipbet.talent.estimate.NewShortfallEstimate;
import io.chipbet.talent.program.NewTrainingProgram;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.testing.StateFields;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.chipbet.platform.testing.Api.asEditor;
import static io.chipbet.platform.testing.Api.etag;
import static io.chipbet.talent.TalentApi.SOURCE;
import static io.chipbet.talent.TalentApi.pool;
import static io.chipbet.talent.TalentApi.program;
import static io.chipbet.talent.TalentApi.recordPool;
import static io.chipbet.talent.TalentApi.uniqueRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** chipbet.talent.pools.v1: pools, programs and estimates, each keyed by its own id, checked against their schemas. */
@QuarkusTest
class TalentEventsTest {

    @Test
    void poolsProgramsAndEstimatesAreEventsInTheirOwnKeySpaces() {
        try (EventTopic topic = new EventTopic(TalentTopics.POOLS)) {
            String region = uniqueRegion();
            String poolId = recordPool(pool(region, "TECHNICIAN", 26400, 1000, "0.04"));
            asEditor().header("If-Match", etag(1)).body(Map.of("annualPipeline", 1200, "reason", "r", "source", SOURCE))
                    .post("/api/v1/talent-pools/" + poolId + "/updates").then().statusCode(200);
            String programId = asEditor().body(program(region, "TECHNICIAN", 300, 2025, 2030)).post("/api/v1/training-programs")
                    .then().statusCode(201).extract().path("id");
            String estimateId = asEditor().body(Map.of("region", region, "targetYear", 2030, "shortfall", 67000, "source", SOURCE))
                    .post("/api/v1/shortfall-estimates").then().statusCode(201).extract().path("id");

            List<ConsumerRecord<String, String>> pools = topic.awaitKey(poolId, 2, Duration.ofSeconds(30));
            assertEquals(List.of("TalentPoolRecorded", "TalentPoolUpdated"), pools.stream()
                    .map(record -> EventSchemas.validate("talent/" + type(record) + ".schema.json", record.value()).get("type").asText())
                    .toList());
            JsonNode updated = EventSchemas.validate("talent/TalentPoolUpdated.schema.json", pools.get(1).value());
            assertEquals("annualPipeline", updated.at("/changes/0/field").asText());
            assertEquals(2, updated.get("aggregateVersion").asInt());

            JsonNode launched = EventSchemas.validate("talent/TrainingProgramLaunched.schema.json",
                    topic.awaitKey(programId, 1, Duration.ofSeconds(30)).get(0).value());
            assertEquals("training-program", launched.get("aggregateType").asText());
            JsonNode published = EventSchemas.validate("talent/ShortfallEstimatePublished.schema.json",
                    topic.awaitKey(estimateId, 1, Duration.ofSeconds(30)).get(0).value());
            assertEquals(67000, published.at("/data/shortfall").asInt());
        }
    }

    private static String type(ConsumerRecord<String, String> record) {
        return EventSchemas.validate("envelope.schema.json", record.value()).get("type").asText();
    }

    /** A field of the events' data that no request sets and the service does not derive would always be null. */
    @Test
    void everyFieldOfPoolsProgramsAndEstimatesIsSentOrDerived() {
        StateFields.assertEachIsSentOrDerived(TalentPoolState.class, Map.of(), List.of(NewTalentPool.class, PoolUpdate.class));
        StateFields.assertEachIsSentOrDerived(TrainingProgramState.class, Map.of(), List.of(NewTrainingProgram.class));
        StateFields.assertEachIsSentOrDerived(ShortfallEstimateState.class, Map.of(), List.of(NewShortfallEstimate.class));
    }
}
