package io.chipbet.projection.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain event read from a topic and understood: its envelope, its data as a contract state, and
 * the record's JSON as it came (stored for the newest event per aggregate). {@code effectiveOn} is when the
 * fact became known (news time); {@code occurredAt}, when its service recorded it.
 */
public record IncomingEvent(UUID eventId, String type, String aggregateType, UUID aggregateId, long aggregateVersion,
                            Instant occurredAt, java.time.LocalDate effectiveOn, Object state, String json) {
}
