package io.chipbet.projection.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain event read from a topic and understood: its envelope, its data as a contract state, and
 * the record's JSON as it came (stored for the newest event per aggregate).
 */
public record IncomingEvent(UUID eventId, String type, String aggregateType, UUID aggregateId, long aggregateVersion,
                            Instant occurredAt, Object state, String json) {
}
