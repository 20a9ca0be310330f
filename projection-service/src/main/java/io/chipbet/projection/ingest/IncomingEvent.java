package io.chipbet.projection.ingest;

import java.time.Instant;
import java.util.UUID;

/** A domain event read from a topic and understood: its envelope, and its data as a contract state. */
public record IncomingEvent(UUID eventId, String type, String aggregateType, UUID aggregateId, long aggregateVersion,
                            Instant occurredAt, Object state, String rawData) {
}
