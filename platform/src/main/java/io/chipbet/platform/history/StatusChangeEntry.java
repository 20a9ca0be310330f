package io.chipbet.platform.history;

import io.chipbet.platform.contract.common.AggregateSnapshot;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

import java.util.function.Function;

/**
 * The history entry of an aggregate with a status (a fab, a commitment): beside what {@link ChangeEntry}
 * keeps, the status it moved from (none when it was created) and to, so that a history reads without
 * parsing the changes. A subclass adds its own columns.
 */
@MappedSuperclass
public abstract class StatusChangeEntry<T extends Enum<T>> extends ChangeEntry {

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public T fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public T toStatus;

    /** Fills the move from the states before (null on creation) and after, by the status each holds. */
    protected <S extends Record & AggregateSnapshot> void moved(Change<S> change, Function<S, T> status) {
        fromStatus = change.before() == null ? null : status.apply(change.before());
        toStatus = status.apply(change.after());
    }
}
