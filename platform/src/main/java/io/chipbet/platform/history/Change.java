package io.chipbet.platform.history;

import io.chipbet.platform.contract.common.AggregateSnapshot;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.event.EventType;
import io.chipbet.platform.event.FieldChange;
import io.chipbet.platform.event.FieldChanges;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What one change did to an aggregate: the typed event its method returns. The aggregate changes
 * its own state and says what happened; the service journals it ({@link ChangeJournal}):
 * a history entry, and the domain event in the outbox, in the same transaction.
 *
 * @param type        what happened; names the event on the wire and the stream it goes to
 * @param before      the state before the change; null for a creation
 * @param after       the state after it: the event's data
 * @param at          when the service made it
 * @param source      the source the change rests on
 * @param note        why, in the editor's words (a reason, a note); may be null
 * @param effectiveOn when it took effect in the world (a milestone's date, a delay's new date); may be null
 */
public record Change<S extends Record & AggregateSnapshot>(EventType<S> type, S before, S after, Instant at,
                                                           SourceRef source, String note, LocalDate effectiveOn) {

    public Change {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(source, "source");
    }

    /** The first event of a new aggregate: version 1, nothing before it. */
    public static <S extends Record & AggregateSnapshot> Change<S> created(EventType<S> type, S state, Instant at,
                                                                             SourceRef source, String note, LocalDate effectiveOn) {
        return new Change<>(type, null, state, at, source, note, effectiveOn);
    }

    public UUID aggregateId() {
        return after.id();
    }

    public long version() {
        return after.version();
    }

    /** The event's {@code changes}: field by field, bookkeeping left out; none for a creation. */
    public List<FieldChange> fieldChanges() {
        return before == null ? List.of() : FieldChanges.between(before, after);
    }
}
