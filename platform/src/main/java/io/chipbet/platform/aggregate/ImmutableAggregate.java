package io.chipbet.platform.aggregate;

import io.chipbet.platform.api.Amounts;
import io.chipbet.platform.contract.common.AggregateSnapshot;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.event.EventType;
import io.chipbet.platform.history.Change;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/**
 * An aggregate recorded once and never changed (talent's training programs and shortfall estimates):
 * what every one keeps, its id, its one source and when, written once. It stays at version 1 and has
 * no history table: its one event is journaled with no entry. The changing kind is {@link Aggregate}.
 */
@MappedSuperclass
public abstract class ImmutableAggregate<S extends Record & AggregateSnapshot> {

    @Id
    public UUID id;

    @Column(name = "source_url", nullable = false, length = 2000)
    public String sourceUrl;

    @Column(name = "source_title", nullable = false, length = 500)
    public String sourceTitle;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The full state: the REST representation, and the data of its one event. */
    public abstract S toState();

    /** Gives it its id, its source and the time, once its own fields are set; returns its only event. */
    protected Change<S> recorded(EventType<S> type, SourceRef source) {
        id = UUID.randomUUID();
        sourceUrl = source.url();
        sourceTitle = source.title();
        createdAt = Amounts.now();
        return Change.created(type, toState(), createdAt, source, null, null);
    }

    protected SourceRef source() {
        return new SourceRef(sourceUrl, sourceTitle);
    }
}
