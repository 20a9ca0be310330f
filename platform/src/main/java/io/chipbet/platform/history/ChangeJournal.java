package io.chipbet.platform.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.event.FieldChange;
import io.chipbet.platform.event.FieldChanges;
import io.chipbet.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records a change twice, atomically: as a history entry, and as a domain event in the outbox.
 * Call it inside the transaction that made the change, after it.
 */
@ApplicationScoped
public class ChangeJournal {

    private final Outbox outbox;
    private final ObjectMapper json;

    public ChangeJournal(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** What happened, to which aggregate, and its state before (null for a creation) and after. */
    public record Change<S extends Record>(String topic, String aggregateType, UUID aggregateId, long version,
                                           String type, String actor, Instant at, S before, S after,
                                           SourceRef source, String note) {
    }

    /**
     * @param entry the service's own history row; its common fields are filled in here
     * @return the field changes, for a service that keeps them in columns of its own too
     */
    public <S extends Record> Uni<List<FieldChange>> record(ChangeEntry entry, Change<S> change) {
        List<FieldChange> fieldChanges = change.before() == null ? List.of() : FieldChanges.between(change.before(), change.after());
        entry.id = UUID.randomUUID();
        entry.aggregateId = change.aggregateId();
        entry.version = change.version();
        entry.kind = change.type();
        entry.changes = toJson(fieldChanges);
        entry.actor = change.actor();
        entry.recordedAt = change.at();
        entry.sourceUrl = change.source().url();
        entry.sourceTitle = change.source().title();
        entry.note = change.note();
        DomainEvent event = DomainEvent.of(change.type(), change.aggregateType(), change.aggregateId(), change.version(),
                change.actor(), fieldChanges, change.after());
        return Panache.getSession().chain(session -> session.persist(entry))
                .chain(() -> outbox.append(change.topic(), event))
                .replaceWith(fieldChanges);
    }

    private String toJson(List<FieldChange> fieldChanges) {
        try {
            return json.writeValueAsString(fieldChanges);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Changes cannot be written as JSON", e);
        }
    }
}
