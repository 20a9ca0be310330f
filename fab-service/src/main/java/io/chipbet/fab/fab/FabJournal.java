package io.chipbet.fab.fab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.event.FieldChange;
import io.chipbet.platform.event.FieldChanges;
import io.chipbet.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Records what just happened to a fab, atomically twice: as a timeline entry, and as a domain event
 * in the outbox. Call it inside the transaction that made the change, after it.
 */
@ApplicationScoped
public class FabJournal {

    private final FabChangeRepository changes;
    private final Outbox outbox;
    private final ObjectMapper json;

    public FabJournal(FabChangeRepository changes, Outbox outbox, ObjectMapper json) {
        this.changes = changes;
        this.outbox = outbox;
        this.json = json;
    }

    public Uni<Void> announced(Fab fab, String actor) {
        return write(fab, null, FabTopics.FAB_ANNOUNCED, actor, fab.sources.get(0), null, fab.announcedOn);
    }

    /** @param before the fab's state before the change, from {@link Fab#toState()} */
    public Uni<Void> changed(Fab fab, FabState before, String type, String actor, SourceRef source, String note,
                             LocalDate effectiveOn) {
        return write(fab, before, type, actor, source, note, effectiveOn);
    }

    private Uni<Void> write(Fab fab, FabState before, String type, String actor, SourceRef source, String note,
                            LocalDate effectiveOn) {
        FabState after = fab.toState();
        List<FieldChange> fieldChanges = before == null ? List.of() : FieldChanges.between(before, after);
        FabChange entry = new FabChange();
        entry.id = UUID.randomUUID();
        entry.fabId = fab.id;
        entry.version = fab.version;
        entry.kind = type;
        entry.fromStatus = before == null ? null : before.status();
        entry.toStatus = fab.status;
        entry.effectiveOn = effectiveOn;
        entry.changes = toJson(fieldChanges);
        entry.actor = actor;
        entry.recordedAt = fab.updatedAt;
        entry.sourceUrl = source.url();
        entry.sourceTitle = source.title();
        entry.note = note;
        DomainEvent event = DomainEvent.of(type, FabTopics.AGGREGATE, fab.id, fab.version, actor, fieldChanges, after);
        return changes.persist(entry).chain(() -> outbox.append(FabTopics.PROJECTS, event));
    }

    private String toJson(List<FieldChange> fieldChanges) {
        try {
            return json.writeValueAsString(fieldChanges);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
