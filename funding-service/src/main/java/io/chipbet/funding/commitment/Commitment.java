package io.chipbet.funding.commitment;

import io.chipbet.funding.investor.Investor;
import io.chipbet.platform.contract.common.SourceListConverter;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.common.UuidListConverter;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Money an investor put, or is said to put, into the build-out. {@code version} counts its changes:
 * it is the ETag, the aggregate version of its events, and the guard against lost updates (rows are
 * locked for update and the client's If-Match must equal it).
 */
@Entity
@Table(name = "commitment", indexes = {
        @Index(name = "commitment_listing", columnList = "announced_on, id"),
        @Index(name = "commitment_investor", columnList = "investor_id")})
public class Commitment {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "investor_id", nullable = false)
    public Investor investor;

    @Column(name = "amount_usd", nullable = false, precision = 22, scale = 2)
    public BigDecimal amountUsd;

    @Column(name = "reported_amount", precision = 22, scale = 2)
    public BigDecimal reportedAmount;

    @Column(name = "reported_currency", length = 3)
    public String reportedCurrency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommitmentStatus status;

    @Column(name = "disbursed_usd", nullable = false, precision = 22, scale = 2)
    public BigDecimal disbursedUsd = BigDecimal.ZERO;

    @Column(name = "announced_on", nullable = false)
    public LocalDate announcedOn;

    @Convert(converter = SourceListConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public List<SourceRef> sources = new ArrayList<>();

    @Column(columnDefinition = "text")
    public String notes;

    /** The tracked fabs this money pays for; empty when it is not tied to any. */
    @Convert(converter = UuidListConverter.class)
    @Column(name = "funded_fab_ids", nullable = false, columnDefinition = "text")
    public List<UUID> fundedFabIds = new ArrayList<>();

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public CommitmentState toState() {
        return new CommitmentState(id, investor.toRef(), amountUsd, reportedAmount, reportedCurrency, purpose, status,
                disbursedUsd, announcedOn, List.copyOf(sources), notes, List.copyOf(fundedFabIds), version, createdAt, updatedAt);
    }
}
