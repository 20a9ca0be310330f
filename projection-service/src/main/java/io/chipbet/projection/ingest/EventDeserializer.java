package io.chipbet.projection.ingest;

import io.quarkus.arc.Arc;
import org.apache.kafka.common.serialization.Deserializer;

import java.util.Map;

/**
 * Parses events on the Kafka polling thread, so that parsing the next batch overlaps applying this
 * one on the event loop. Never throws: a record it cannot read comes through as poison and is
 * dead-lettered by the ingestor, with its bytes as they came.
 */
public class EventDeserializer implements Deserializer<ParsedRecord> {

    private EventParser parser;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Kafka creates deserializers by class name; the parser (and its ObjectMapper) is a CDI bean.
        parser = Arc.container().instance(EventParser.class).get();
    }

    @Override
    public ParsedRecord deserialize(String topic, byte[] data) {
        try {
            return ParsedRecord.event(parser.parse(data), data);
        } catch (EventParser.Poison poison) {
            return ParsedRecord.poison(poison.getMessage(), data);
        }
    }
}
