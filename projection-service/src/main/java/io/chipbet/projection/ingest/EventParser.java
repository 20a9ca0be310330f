package io.chipbet.projection.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TalentTopics;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Turns a record into an {@link IncomingEvent}, or says why it cannot: such a record is poison. */
@ApplicationScoped
public class EventParser {

    /** The aggregate types the projection understands, and the contract state each carries. */
    static final Map<String, Class<?>> STATES = Map.of(
            FundingTopics.AGGREGATE, CommitmentState.class,
            FabTopics.AGGREGATE, FabState.class,
            TalentTopics.POOL, TalentPoolState.class,
            TalentTopics.PROGRAM, TrainingProgramState.class,
            TalentTopics.ESTIMATE, ShortfallEstimateState.class);

    private final ObjectMapper json;

    public EventParser(ObjectMapper json) {
        this.json = json;
    }

    /** Thrown for a record that no retry can fix. */
    public static final class Poison extends Exception {
        Poison(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }

    public IncomingEvent parse(String key, String value) throws Poison {
        if (value == null || value.isBlank()) {
            throw new Poison("empty value", null);
        }
        try {
            JsonNode envelope = json.readTree(value);
            String aggregateType = required(envelope, "aggregateType").asText();
            Class<?> stateType = STATES.get(aggregateType);
            if (stateType == null) {
                throw new Poison("unknown aggregateType '" + aggregateType + "'", null);
            }
            UUID aggregateId = UUID.fromString(required(envelope, "aggregateId").asText());
            if (key != null && !key.equals(aggregateId.toString())) {
                throw new Poison("record key " + key + " is not the aggregateId " + aggregateId, null);
            }
            long version = required(envelope, "aggregateVersion").asLong();
            if (version < 1) {
                throw new Poison("aggregateVersion must be at least 1", null);
            }
            JsonNode data = required(envelope, "data");
            Object state = json.treeToValue(data, stateType);
            return new IncomingEvent(UUID.fromString(required(envelope, "eventId").asText()), required(envelope, "type").asText(),
                    aggregateType, aggregateId, version, Instant.parse(required(envelope, "occurredAt").asText()), state,
                    data.toString());
        } catch (Poison poison) {
            throw poison;
        } catch (Exception e) {
            throw new Poison("unreadable event: " + e.getMessage(), e);
        }
    }

    public Object state(String aggregateType, String data) throws Exception {
        return json.readValue(data, STATES.get(aggregateType));
    }

    private static JsonNode required(JsonNode node, String field) throws Poison {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Poison("missing " + field, null);
        }
        return value;
    }
}
