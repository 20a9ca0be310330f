package io.chipbet.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One domain event waiting for, or done with, publication to Kafka. Written in the same transaction
 * as the change it describes; published by {@link OutboxRelay} in {@code id} order.
 */
@Entity
@Table(name = "outbox_event", indexes = @Index(name = "outbox_event_unpublished", columnList = "published_at, id"))
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "aggregate_version", nullable = false)
    public long aggregateVersion;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The event envelope as JSON: the Kafka record's value, byte for byte. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "published_at")
    public Instant publishedAt;
}
