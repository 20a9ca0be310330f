package io.chipbet.projection.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The latest state of one aggregate: its newest applied event, kept whole. */
@Entity
@Table(name = "aggregate_state")
@IdClass(AggregateState.Key.class)
public class AggregateState {

    @Id
    @Column(name = "aggregate_type")
    public String aggregateType;

    @Id
    @Column(name = "aggregate_id")
    public UUID aggregateId;

    @Column(nullable = false)
    public long version;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** The event as it came: its data is the aggregate's state. */
    @Column(nullable = false, columnDefinition = "text")
    public String event;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    public record Key(String aggregateType, UUID aggregateId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
