package io.chipbet.projection.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import io.chipbet.platform.api.IsoTimes;
import io.chipbet.platform.api.StrictJson;
import io.chipbet.platform.contract.common.AggregateSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import java.lang.annotation.ElementType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a record into an {@link IncomingEvent}, or says why it cannot: such a record is poison.
 * A record is checked against its contract here, at the edge: its data must satisfy the contract
 * state's constraints (required fields, ranges), and carry the envelope's aggregate id and version.
 * A well-formed record that breaks the contract is poison too, so the model never sees it.
 * One streaming pass: when the envelope names its aggregate type before its data (as chipbet's
 * services write it), the data is read straight into its contract state, with no tree in between.
 */
@ApplicationScoped
public class EventParser {

    /** The aggregate types the projection understands, and the contract state each carries. */
    static final Map<String, Class<? extends AggregateSnapshot>> STATES = Map.of(
            FundingTopics.AGGREGATE, CommitmentState.class,
            FabTopics.AGGREGATE, FabState.class,
            TalentTopics.POOL, TalentPoolState.class,
            TalentTopics.PROGRAM, TrainingProgramState.class,
            TalentTopics.ESTIMATE, ShortfallEstimateState.class);

    private final ObjectMapper json;
    private final Validator validator;

    public EventParser(ObjectMapper json, ValidatorFactory validators) {
        // Read in the contract's own types: a lenient mapper would take "100" or 1.5 for a capacity and 0 for an enum.
        this.json = StrictJson.forEvents(json.copy());
        // The contract records are not entities: the default resolver asks JPA whether each property is loaded,
        // which was most of the validation's cost (JFR, IngestBenchmark). Every property of a record is there.
        this.validator = validators.usingContext().traversableResolver(new EverythingReachable()).getValidator();
    }

    private static final class EverythingReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootType, Path pathToBean, ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootType, Path pathToBean, ElementType elementType) {
            return true;
        }
    }

    /** Thrown for a record that no retry can fix. */
    public static final class Poison extends Exception {
        Poison(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }

    /** Reads a record's value; {@link #checkKey} then checks the record's key against it. */
    public IncomingEvent parse(byte[] value) throws Poison {
        if (value == null || value.length == 0) {
            throw new Poison("empty value", null);
        }
        try {
            Envelope envelope = read(value);
            String aggregateType = required(envelope.aggregateType, "aggregateType");
            Class<?> stateType = STATES.get(aggregateType);
            if (stateType == null) {
                throw new Poison("unknown aggregateType '" + aggregateType + "'", null);
            }
            UUID aggregateId = UUID.fromString(required(envelope.aggregateId, "aggregateId"));
            long version = Long.parseLong(required(envelope.aggregateVersion, "aggregateVersion"));
            if (version < 1) {
                throw new Poison("aggregateVersion must be at least 1", null);
            }
            Object state = envelope.state != null ? envelope.state : json.treeToValue(required(envelope.dataTree, "data"), stateType);
            checkContract(state, aggregateId, version);
            Instant occurredAt = instant(required(envelope.occurredAt, "occurredAt"));
            // Events from before news dates existed carry none: the day they were recorded stands for it.
            java.time.LocalDate effectiveOn = envelope.effectiveOn == null ? java.time.LocalDate.ofInstant(occurredAt, java.time.ZoneOffset.UTC)
                    : date(envelope.effectiveOn);
            return new IncomingEvent(UUID.fromString(required(envelope.eventId, "eventId")), required(envelope.type, "type"),
                    aggregateType, aggregateId, version, occurredAt, effectiveOn, state, new String(value, StandardCharsets.UTF_8));
        } catch (Poison poison) {
            throw poison;
        } catch (Exception e) {
            throw new Poison("unreadable event: " + e.getMessage(), e);
        }
    }

    private static Instant instant(String text) {
        Instant canonical = IsoTimes.instant(text);
        return canonical != null ? canonical : Instant.parse(text);
    }

    private static java.time.LocalDate date(String text) {
        java.time.LocalDate canonical = IsoTimes.date(text);
        return canonical != null ? canonical : java.time.LocalDate.parse(text);
    }

    /** The data satisfies its contract, and is the state of the aggregate (and version) the envelope names. */
    private void checkContract(Object state, UUID aggregateId, long version) throws Poison {
        Set<ConstraintViolation<Object>> violations = validator.validate(state);
        if (!violations.isEmpty()) {
            throw new Poison("data breaks the contract: " + violations.stream()
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .collect(Collectors.joining(", ")), null);
        }
        AggregateSnapshot snapshot = (AggregateSnapshot) state;
        if (!aggregateId.equals(snapshot.id())) {
            throw new Poison("data.id " + snapshot.id() + " is not the aggregateId " + aggregateId, null);
        }
        if (snapshot.version() != version) {
            throw new Poison("data.version " + snapshot.version() + " is not the aggregateVersion " + version, null);
        }
    }

    /** Kafka convention: the key is the aggregate id. A record keyed otherwise would be partitioned wrongly. */
    public void checkKey(String key, IncomingEvent event) throws Poison {
        if (key != null && !key.equals(event.aggregateId().toString())) {
            throw new Poison("record key " + key + " is not the aggregateId " + event.aggregateId(), null);
        }
    }

    /** The contract state inside a stored event. */
    public Object state(String storedEvent) throws Poison {
        return parse(storedEvent.getBytes(StandardCharsets.UTF_8)).state();
    }

    private Envelope read(byte[] value) throws Exception {
        Envelope envelope = new Envelope();
        try (JsonParser in = json.createParser(value)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new Poison("not a JSON object", null);
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken token = in.nextToken();
                if (token == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (field) {
                    case "eventId" -> envelope.eventId = text(in, field);
                    case "type" -> envelope.type = text(in, field);
                    case "aggregateType" -> envelope.aggregateType = text(in, field);
                    case "aggregateId" -> envelope.aggregateId = text(in, field);
                    case "aggregateVersion" -> envelope.aggregateVersion = integer(in, field);
                    case "occurredAt" -> envelope.occurredAt = text(in, field);
                    case "effectiveOn" -> envelope.effectiveOn = text(in, field);
                    case "data" -> readData(in, envelope);
                    default -> in.skipChildren();
                }
            }
        }
        return envelope;
    }

    private void readData(JsonParser in, Envelope envelope) throws Exception {
        Class<?> stateType = envelope.aggregateType == null ? null : STATES.get(envelope.aggregateType);
        if (stateType != null) {
            envelope.state = json.readValue(in, stateType);
        } else {
            envelope.dataTree = json.readTree(in); // typed once the aggregate type is known
        }
    }

    /** The envelope's text fields are JSON strings (envelope.schema.json): a number is not an id. */
    private static String text(JsonParser in, String field) throws Exception {
        if (in.currentToken() != JsonToken.VALUE_STRING) {
            throw new Poison(field + " must be a JSON string, not " + in.currentToken().asString(), null);
        }
        return in.getText();
    }

    /** aggregateVersion is a JSON integer: "2" or 2.0 is no version. */
    private static String integer(JsonParser in, String field) throws Exception {
        if (in.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new Poison(field + " must be a JSON integer, not " + (in.currentToken() == JsonToken.VALUE_STRING ? "text"
                    : in.currentToken().asString()), null);
        }
        return in.getText();
    }

    private static <T> T required(T value, String field) throws Poison {
        if (value == null) {
            throw new Poison("missing " + field, null);
        }
        return value;
    }

    /** The envelope's fields as read, before they are checked. */
    private static final class Envelope {
        String eventId;
        String type;
        String aggregateType;
        String aggregateId;
        String aggregateVersion;
        String occurredAt;
        String effectiveOn;
        Object state;
        JsonNode dataTree;
    }
}
