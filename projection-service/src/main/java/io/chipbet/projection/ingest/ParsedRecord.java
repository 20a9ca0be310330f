package io.chipbet.projection.ingest;

/**
 * A record's value as the deserializer left it: the event it holds, or why it holds none (poison),
 * with the bytes as they came either way, for the dead-letter topic.
 */
public record ParsedRecord(IncomingEvent event, String poison, byte[] raw) {

    static ParsedRecord event(IncomingEvent event, byte[] raw) {
        return new ParsedRecord(event, null, raw);
    }

    static ParsedRecord poison(String reason, byte[] raw) {
        return new ParsedRecord(null, reason, raw);
    }
}
