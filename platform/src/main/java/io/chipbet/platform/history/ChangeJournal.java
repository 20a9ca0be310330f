package io.chipbet.platform.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.contract.common.AggregateSnapshot;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.event.FieldChange;
import io.chipbet.platform.outbox.Outbox;
import io.chipbet.platform.persistence.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Records a change twice, atomically: as a history entry, and as a domain event in the outbox. It
 * runs inside the transaction that made the change, after it, and fails at once outside one.
 */
@ApplicationScoped
public class ChangeJournal {

    private final Outbox outbox;
    private final ObjectMapper json;

    public ChangeJournal(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * @param entry the service's own history row, its own columns filled in; its common fields are
     *              filled in here. Null for an aggregate that keeps no history (it never changes).
     */
    public <S extends Record & AggregateSnapshot> Uni<Void> record(Change<S> change, ChangeEntry entry, String actor) {
        List<FieldChange> fieldChanges = change.fieldChanges();
        DomainEvent event = DomainEvent.of(change.type(), change.aggregateId(), change.version(), actor, fieldChanges, change.after());
        return Transactions.required("ChangeJournal.record").chain(session -> {
            if (entry == null) {
                return Uni.createFrom().voidItem();
            }
            entry.id = UUID.randomUUID();
            entry.aggregateId = change.aggregateId();
            entry.version = change.version();
            entry.kind = change.type().wireName();
            entry.changes = toJson(fieldChanges);
            entry.actor = actor;
            entry.recordedAt = change.at();
            entry.sourceUrl = change.source().url();
            entry.sourceTitle = change.source().title();
            entry.note = change.note();
            return session.persist(entry);
        }).chain(() -> outbox.append(change.type().stream().topic(), event));
    }

    private String toJson(List<FieldChange> fieldChanges) {
        try {
            return json.writeValueAsString(fieldChanges);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Changes cannot be written as JSON", e);
        }
    }
}
