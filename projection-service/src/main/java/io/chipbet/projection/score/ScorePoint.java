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

/** One applied event that moved the score: what it was, and the score and coverages before and after. */
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

    @Column(name = "score_before")
    public Double scoreBefore;

    @Column(name = "score_after")
    public Double scoreAfter;

    @Column(name = "score_delta", nullable = false)
    public double scoreDelta;

    @Column(name = "capital_delta", nullable = false)
    public double capitalDelta;

    @Column(name = "capacity_delta", nullable = false)
    public double capacityDelta;

    @Column(name = "talent_delta", nullable = false)
    public double talentDelta;

    @Column(name = "binding_constraint")
    public String bindingConstraint;
}
