package io.chipbet.platform.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.contract.score.ScenarioTopics;
import io.chipbet.platform.contract.score.ScoreTopics;
import io.chipbet.platform.contract.talent.TalentTopics;
import io.chipbet.platform.event.CloudEventHeaders;
import io.chipbet.platform.event.EventType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AsyncAPI 3 document of every chipbet topic, made from the event types: a channel per topic,
 * a message per event type whose payload is that type's schema (by reference), and who sends and
 * who receives on each. Written to {@code schemas/asyncapi.json}; {@code .ci/run} validates it with
 * the AsyncAPI CLI.
 */
final class AsyncApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRAFT_07 = "application/schema+json;version=draft-07";
    /** Who sends on each topic, and what it is. */
    private static final Map<String, String[]> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put(FundingTopics.COMMITMENTS, new String[]{"funding-service", "Capital commitments, keyed by commitment id."});
        TOPICS.put(FabTopics.PROJECTS, new String[]{"fab-service", "Fab projects, keyed by fab id."});
        TOPICS.put(TalentTopics.POOLS, new String[]{"talent-service", "Talent in three key spaces: pools, training programs and shortfall"
                + " estimates, each keyed by its own id; aggregateType says which."});
        TOPICS.put(ScoreTopics.SCORES, new String[]{"projection-service", "Every change of the feasibility answer, keyed by plan id."});
        TOPICS.put(ScenarioTopics.SCENARIOS, new String[]{"projection-service", "Each scenario's answer as the record moves, keyed by scenario id."});
        TOPICS.put(ScoreTopics.DEAD_LETTERS, new String[]{"projection-service", "Records projection-service cannot use, copied byte for"
                + " byte as they came, with dead-letter-reason, -topic, -partition and -offset headers."});
    }

    /** The topics projection-service consumes. */
    private static final List<String> CONSUMED = List.of(FundingTopics.COMMITMENTS, FabTopics.PROJECTS, TalentTopics.POOLS);

    private AsyncApiDocument() {
    }

    static ObjectNode of(List<EventType<?>> types) {
        ObjectNode document = JSON.createObjectNode();
        document.put("asyncapi", "3.1.0");
        document.putObject("info").put("title", "chipbet events").put("version", "1.0.0")
                .put("description", "Every topic chipbet writes. Each record's key is the aggregate id, its value a JSON envelope "
                        + "(schemas/events/envelope.schema.json) whose data is the aggregate's full state, and its headers carry "
                        + "CloudEvents 1.0 attributes (binary mode). Delivery is at least once: consumers drop an event whose "
                        + "aggregateVersion is not newer than the one they hold. Generated from platform's event types "
                        + "(io.chipbet.platform.contract.EventCatalog); do not edit by hand.");
        document.put("defaultContentType", "application/json");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        components.putObject("schemas").set("CloudEventHeaders", cloudEventHeaders());

        TOPICS.forEach((topic, about) -> {
            String channel = channelId(topic);
            ObjectNode entry = channels.putObject(channel);
            entry.put("address", topic);
            entry.put("description", about[1]);
            ObjectNode channelMessages = entry.putObject("messages");
            ArrayNode sent = JSON.createArrayNode();
            if (topic.equals(ScoreTopics.DEAD_LETTERS)) {
                messages.set("DeadLetter", deadLetter());
                channelMessages.putObject("DeadLetter").put("$ref", "#/components/messages/DeadLetter");
                sent.addObject().put("$ref", "#/channels/" + channel + "/messages/DeadLetter");
            }
            for (EventType<?> type : types) {
                if (type.stream().topic().equals(topic)) {
                    messages.set(type.wireName(), message(type));
                    channelMessages.putObject(type.wireName()).put("$ref", "#/components/messages/" + type.wireName());
                    sent.addObject().put("$ref", "#/channels/" + channel + "/messages/" + type.wireName());
                }
            }
            ObjectNode send = operations.putObject(about[0].replace("-service", "") + "Sends" + capitalized(channel));
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + channel);
            send.put("summary", about[0] + " publishes through its transactional outbox");
            send.set("messages", sent);
            if (CONSUMED.contains(topic)) {
                ObjectNode receive = operations.putObject("projectionReceives" + capitalized(channel));
                receive.put("action", "receive");
                receive.putObject("channel").put("$ref", "#/channels/" + channel);
                receive.put("summary", "projection-service reads it from the earliest offset into the feasibility answer");
                receive.set("messages", sent.deepCopy());
            }
        });
        return document;
    }

    private static ObjectNode message(EventType<?> type) {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", type.wireName());
        message.put("title", type.wireName());
        message.put("summary", type.description());
        message.put("contentType", "application/json");
        message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
        ObjectNode payload = message.putObject("payload");
        payload.put("schemaFormat", DRAFT_07);
        payload.putObject("schema").put("$ref", "events/" + type.eventSchema());
        message.putObject("bindings").putObject("kafka").put("bindingVersion", "0.5.0")
                .putObject("key").put("type", "string").put("description", "The aggregate id (" + type.stream().aggregateType() + ")");
        return message;
    }

    private static ObjectNode deadLetter() {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", "DeadLetter");
        message.put("title", "DeadLetter");
        message.put("summary", "A record projection-service could not use, as it came: not JSON, no envelope, an unknown aggregateType,"
                + " a key that is not the aggregate id, or data that breaks its contract.");
        message.put("contentType", "application/octet-stream");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        for (String header : List.of("dead-letter-reason", "dead-letter-topic", "dead-letter-partition", "dead-letter-offset")) {
            properties.putObject(header).put("type", "string");
        }
        headers.putArray("required").add("dead-letter-reason").add("dead-letter-topic").add("dead-letter-partition").add("dead-letter-offset");
        message.putObject("payload").put("description", "The original record's value, byte for byte");
        return message;
    }

    private static ObjectNode cloudEventHeaders() {
        ObjectNode headers = JSON.createObjectNode();
        headers.put("type", "object");
        headers.put("description", "CloudEvents 1.0 attributes in Kafka headers (binary content mode)");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject(CloudEventHeaders.SPEC_VERSION).put("const", "1.0");
        properties.putObject(CloudEventHeaders.ID).put("type", "string").put("description", "Equals the envelope's eventId");
        properties.putObject(CloudEventHeaders.SOURCE).put("type", "string").put("description", "/chipbet/<service>");
        properties.putObject(CloudEventHeaders.TYPE).put("type", "string").put("description", "io.chipbet.<aggregateType>.<type>");
        properties.putObject(CloudEventHeaders.SUBJECT).put("type", "string").put("description", "The aggregate id");
        properties.putObject(CloudEventHeaders.TIME).put("type", "string").put("format", "date-time");
        properties.putObject(CloudEventHeaders.CONTENT_TYPE).put("const", "application/json");
        ArrayNode required = headers.putArray("required");
        List.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE,
                CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME, CloudEventHeaders.CONTENT_TYPE).forEach(required::add);
        return headers;
    }

    /** {@code chipbet.funding.commitments.v1} is channel {@code fundingCommitmentsV1}. */
    static String channelId(String topic) {
        String[] parts = topic.replaceFirst("^chipbet\\.", "").split("[.-]");
        StringBuilder id = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            id.append(capitalized(parts[i]));
        }
        return id.toString();
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
