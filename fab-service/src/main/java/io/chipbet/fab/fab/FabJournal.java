package io.chipbet.fab.fab;

import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.history.ChangeJournal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

/** Records what just happened to a fab: a timeline entry and its event. Call it inside the change's transaction. */
@ApplicationScoped
public class FabJournal {

    private final ChangeJournal journal;

    public FabJournal(ChangeJournal journal) {
        this.journal = journal;
    }

    public Uni<Void> announced(Fab fab, String actor) {
        return changed(fab, null, FabTopics.FAB_ANNOUNCED, actor, fab.sources.get(0), null, fab.announcedOn);
    }

    /** @param before the fab's state before the change, from {@link Fab#toState()} */
    public Uni<Void> changed(Fab fab, FabState before, String type, String actor, SourceRef source, String note,
                             LocalDate effectiveOn) {
        FabChange entry = new FabChange();
        entry.fromStatus = before == null ? null : before.status();
        entry.toStatus = fab.status;
        entry.effectiveOn = effectiveOn;
        return journal.record(entry, new ChangeJournal.Change<>(FabTopics.PROJECTS, FabTopics.AGGREGATE, fab.id, fab.version,
                type, actor, fab.updatedAt, before, fab.toState(), source, note)).replaceWithVoid();
    }
}
