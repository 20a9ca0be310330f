package io.chipbet.projection.score;

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

/** One applied event that moved the answer: what it was, and the deliverable capacity and the supplies before and after. */
@Entity
@Table(name = "score_point", indexes = @Index(name = "score_point_time", columnList = "at"))
public class ScorePoint {

    @Id
    @SequenceGenerator(name = "score_point_seq", sequenceName = "score_point_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "score_point_seq")
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public UUID aggregateId;

    @Column(nullable = false, length = 1000)
    public String description;

    /** Deliverable capacity on the median-input path, wafers a month at the horizon, before and after. */
    @Column(name = "deliverable_before", nullable = false)
    public double deliverableBefore;

    @Column(name = "deliverable_after", nullable = false)
    public double deliverableAfter;

    @Column(name = "deliverable_delta", nullable = false)
    public double deliverableDelta;

    /** How each supply moved, wafers a month. */
    @Column(name = "fabs_delta", nullable = false)
    public double fabsDelta;

    @Column(name = "capital_delta", nullable = false)
    public double capitalDelta;

    @Column(name = "talent_delta", nullable = false)
    public double talentDelta;

    @Column(name = "binding_constraint")
    public String bindingConstraint;
}
