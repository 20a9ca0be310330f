package io.chipbet.funding.commitment;

import io.chipbet.platform.contract.funding.CommitmentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One entry of a commitment's history: every change, who made it, when, and on what source. */
@Entity
@Table(name = "commitment_change", indexes = @Index(name = "commitment_change_history", columnList = "commitment_id, version"))
public class CommitmentChange {

    public enum Kind { RECORDED, STATUS_CHANGED, REVISED, WITHDRAWN }

    @Id
    public UUID id;

    @Column(name = "commitment_id", nullable = false)
    public UUID commitmentId;

    /** The commitment's version after this change. */
    @Column(nullable = false)
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public CommitmentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public CommitmentStatus toStatus;

    @Column(name = "amount_from_usd", precision = 22, scale = 2)
    public BigDecimal amountFromUsd;

    @Column(name = "amount_to_usd", nullable = false, precision = 22, scale = 2)
    public BigDecimal amountToUsd;

    @Column(name = "disbursed_from_usd", precision = 22, scale = 2)
    public BigDecimal disbursedFromUsd;

    @Column(name = "disbursed_to_usd", nullable = false, precision = 22, scale = 2)
    public BigDecimal disbursedToUsd;

    @Column(nullable = false)
    public String actor;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "source_url", nullable = false, length = 2000)
    public String sourceUrl;

    @Column(name = "source_title", nullable = false, length = 500)
    public String sourceTitle;

    @Column(columnDefinition = "text")
    public String note;
}
