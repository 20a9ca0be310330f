package io.chipbet.platform.aggregate;

import io.chipbet.platform.api.Amounts;
import io.chipbet.platform.contract.common.AggregateSnapshot;
import io.chipbet.platform.history.Change;
import io.chipbet.platform.contract.common.SourceListConverter;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.event.EventType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A versioned aggregate that changes over time (a commitment, a fab, a talent pool): what every one
 * keeps, and the steps every change takes, written once. {@code version} counts its changes: it is
 * the ETag, the aggregate version of its events, and the guard against lost updates (its row is
 * locked for update, and the client's If-Match must equal it: {@link AggregateRepository#lockCurrent}).
 *
 * <p>A subclass's methods are its use cases: each checks its rules, changes the state and returns
 * the {@link Change} it made, from {@link #created} or {@link #changed}.
 */
@MappedSuperclass
public abstract class Aggregate<S extends Record & AggregateSnapshot> {

    @Id
    public UUID id;

    @Convert(converter = SourceListConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public List<SourceRef> sources = new ArrayList<>();

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The full state: the REST representation, and the data of its events. */
    public abstract S toState();

    /** Gives a new aggregate its id, version 1 and its sources (one per URL, the first given); returns its first event. */
    protected Change<S> created(EventType<S> type, List<SourceRef> firstSources, String note, LocalDate effectiveOn) {
        id = UUID.randomUUID();
        version = 1;
        createdAt = Amounts.now();
        updatedAt = createdAt;
        sources = new ArrayList<>();
        firstSources.forEach(this::addSource);
        return Change.created(type, toState(), createdAt, sources.get(0), note, effectiveOn);
    }

    /** Adds a source unless one with its URL is there already. */
    protected void addSource(SourceRef source) {
        if (sources.stream().noneMatch(existing -> existing.url().equals(source.url()))) {
            sources.add(source);
        }
    }

    /** A figure a request may leave out: the one it gives, or else the current one. */
    protected static <T> T given(T value, T current) {
        return value != null ? value : current;
    }

    /**
     * Ends a change: one version more, updated now; returns the event.
     *
     * @param before the state before the change, from {@link #toState()} taken first
     */
    protected Change<S> changed(EventType<S> type, S before, SourceRef source, String note, LocalDate effectiveOn) {
        version++;
        updatedAt = Amounts.now();
        return new Change<>(type, before, toState(), updatedAt, source, note, effectiveOn);
    }
}
