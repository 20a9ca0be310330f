package io.chipbet.fab.fab;

import io.chipbet.platform.history.Change;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.history.StatusChangeEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One entry of a fab's timeline, with the status move and the date it took effect in the world. */
@Entity
@Table(name = "fab_change", indexes = @Index(name = "fab_change_timeline", columnList = "aggregate_id, version"))
public class FabChange extends StatusChangeEntry<FabStatus> {

    /** A milestone's date, a delay's new planned date. */
    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    /** The entry of a change, with the status move and its effective date. */
    static FabChange of(Change<FabState> change) {
        FabChange entry = new FabChange();
        entry.moved(change, FabState::status);
        entry.effectiveOn = change.effectiveOn();
        return entry;
    }
}
