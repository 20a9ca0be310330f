package io.chipbet.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.contract.talent.TalentTopics;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * F8's records, produced straight onto each input topic as a faulty or hostile producer would: malformed,
 * wrongly typed and semantically invalid. Each breaks the contract in one way; everything else in it is a
 * real event of that topic (the newest one there), moved to an aggregate id of its own so that, were it ever
 * applied, it would stand out as a phantom in the projection.
 */
final class Poisons {

    private Poisons() {
    }

    /** One poisoned record to produce: what it is, its key and its value. */
    record Planned(String what, String key, byte[] value) {
    }

    /** Produces the poison for every input topic; the template is the newest real event of each. */
    static List<Invariants.Poison> produce(Topics topics, Observation seen) {
        List<Invariants.Poison> produced = new ArrayList<>();
        for (String topic : Observation.INPUT_TOPICS) {
            Observation.Event template = null;
            for (Observation.Event event : seen.events) {
                if (event.record().topic().equals(topic) && (!topic.equals(TalentTopics.POOLS) || event.aggregateType().equals(TalentTopics.POOL))) {
                    template = event;
                }
            }
            if (template == null) {
                throw new IllegalStateException("no event on " + topic + " to build poison from");
            }
            List<Planned> planned = plan(topic, template);
            List<Map.Entry<String, byte[]>> records = new ArrayList<>();
            planned.forEach(p -> records.add(new AbstractMap.SimpleEntry<>(p.key(), p.value())));
            List<RecordMetadata> landed = topics.produce(topic, records);
            for (int i = 0; i < planned.size(); i++) {
                produced.add(new Invariants.Poison(topic, landed.get(i).partition(), landed.get(i).offset(), planned.get(i).value(),
                        planned.get(i).what() + " on " + topic));
            }
        }
        return produced;
    }

    static List<Planned> plan(String topic, Observation.Event template) {
        List<Planned> planned = new ArrayList<>();
        String id = UUID.randomUUID().toString();
        planned.add(new Planned("a value that is not JSON", id, "{\"eventId\": not json".getBytes(StandardCharsets.UTF_8)));
        planned.add(new Planned("a JSON array", id, "[1, 2, 3]".getBytes(StandardCharsets.UTF_8)));
        planned.add(new Planned("an empty value", id, new byte[0]));
        planned.add(new Planned("a null value (tombstone)", id, null));
        planned.add(mutated("an envelope without data", template, event -> event.remove("data")));
        planned.add(mutated("an envelope without eventId", template, event -> event.remove("eventId")));
        planned.add(mutated("aggregateVersion as text", template, event -> event.put("aggregateVersion", "1")));
        planned.add(mutated("aggregateVersion 0", template, event -> {
            event.put("aggregateVersion", 0);
            data(event).put("version", 0);
        }));
        planned.add(mutated("an unknown aggregateType", template, event -> event.put("aggregateType", "mystery")));
        planned.add(mutated("data.id other than the aggregateId", template, event -> data(event).put("id", UUID.randomUUID().toString())));
        planned.add(mutated("data.version other than the aggregateVersion", template, event -> data(event).put("version", 7)));
        Planned wrongKey = mutated("a key other than the aggregateId", template, event -> { });
        planned.add(new Planned(wrongKey.what(), UUID.randomUUID().toString(), wrongKey.value()));
        switch (topic) {
            case FundingTopics.COMMITMENTS -> {
                planned.add(mutated("amountUsd null", template, event -> data(event).putNull("amountUsd")));
                planned.add(mutated("a negative amountUsd", template, event -> data(event).put("amountUsd", -1000)));
                planned.add(mutated("amountUsd as text", template, event -> data(event).put("amountUsd", "1000000")));
                planned.add(mutated("an unknown purpose", template, event -> data(event).put("purpose", "YACHTS")));
                planned.add(mutated("purpose as a number", template, event -> data(event).put("purpose", 0)));
                planned.add(mutated("investor missing", template, event -> data(event).remove("investor")));
            }
            case FabTopics.PROJECTS -> {
                planned.add(mutated("operator null", template, event -> data(event).putNull("operator")));
                planned.add(mutated("a negative capacity", template, event -> data(event).put("capacityWafersPerMonth", -5)));
                planned.add(mutated("capacity as text", template, event -> data(event).put("capacityWafersPerMonth", "20000")));
                planned.add(mutated("capacity 1.5", template, event -> data(event).put("capacityWafersPerMonth", 1.5)));
                planned.add(mutated("nodeClass as a number", template, event -> data(event).put("nodeClass", 0)));
                planned.add(mutated("an impossible date", template, event -> data(event).put("announcedOn", "2023-02-30")));
            }
            default -> {
                planned.add(mutated("region null", template, event -> data(event).putNull("region")));
                planned.add(mutated("a negative headcount", template, event -> data(event).put("headcount", -1)));
                planned.add(mutated("headcount as text", template, event -> data(event).put("headcount", "1000")));
                planned.add(mutated("an attrition rate of 2", template, event -> data(event).put("attritionRate", 2)));
                planned.add(mutated("role as a number", template, event -> data(event).put("role", 1)));
            }
        }
        return planned;
    }

    /** The template, moved to an aggregate of its own at version 1, with {@code change} applied. */
    private static Planned mutated(String what, Observation.Event template, Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) readTree(template.record().text());
        String id = UUID.randomUUID().toString();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("aggregateId", id);
        event.put("aggregateVersion", 1);
        event.set("changes", Http.JSON.createArrayNode());
        if (event.get("data") instanceof ObjectNode data) {
            ObjectNode copy = data.deepCopy();
            copy.put("id", id);
            copy.put("version", 1);
            event.set("data", copy);
        }
        change.accept(event);
        return new Planned(what, id, Http.toJson(event).getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    private static JsonNode readTree(String text) {
        try {
            return Http.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
