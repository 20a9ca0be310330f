package io.chipbet.platform.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one envelope of every chipbet domain event, as it travels as the JSON value of a Kafka record.
 *
 * <p>{@code data} is the full state of the aggregate after the change, so a consumer can rebuild its
 * view from the latest event per key, and ignore duplicates and stale versions by comparing
 * {@code aggregateVersion}, which strictly increases per aggregate.
 *
 * @param eventId          unique per event; consumers deduplicate on it
 * @param type             e.g. {@code CommitmentRecorded}
 * @param aggregateType    e.g. {@code commitment}
 * @param aggregateId      the record key
 * @param aggregateVersion 1 for the first event of an aggregate, then +1 per change
 * @param occurredAt       when the change was committed by the service
 * @param effectiveOn      when the fact became known: its source's date (see {@link NewsDate}); the day of
 *                         {@code occurredAt} if the write named none
 * @param actor            who made the change (the token's principal)
 * @param changes          what changed, field by field; empty for a creation
 * @param data             the aggregate's full state after the change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DomainEvent(
        UUID eventId,
        String type,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        Instant occurredAt,
        java.time.LocalDate effectiveOn,
        String actor,
        List<FieldChange> changes,
        Object data) {

    public static DomainEvent of(String type, String aggregateType, Object aggregateId, long aggregateVersion,
                                 String actor, List<FieldChange> changes, Object data) {
        Instant now = Instant.now();
        return new DomainEvent(UUID.randomUUID(), type, aggregateType, String.valueOf(aggregateId), aggregateVersion,
                now, NewsDate.forEvent(now), actor, List.copyOf(changes), data);
    }
}
