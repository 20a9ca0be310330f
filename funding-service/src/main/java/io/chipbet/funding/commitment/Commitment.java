package io.chipbet.funding.commitment;

import io.chipbet.funding.investor.Investor;
import io.chipbet.platform.aggregate.Aggregate;
import io.chipbet.platform.history.Change;
import io.chipbet.platform.api.Amounts;
import io.chipbet.platform.contract.common.UuidListConverter;
import io.chipbet.platform.contract.funding.CommitmentEvent;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static io.chipbet.platform.contract.funding.CommitmentStatus.DISBURSED;
import static io.chipbet.platform.contract.funding.CommitmentStatus.RUMORED;
import static io.chipbet.platform.contract.funding.CommitmentStatus.WITHDRAWN;

/**
 * Money an investor put, or is said to put, into the build-out, from rumour to disbursement
 * ({@link Lifecycle}). Its methods are its use cases: each checks the rules, changes the commitment
 * and returns the event of the change.
 */
@Entity
@Table(name = "commitment", indexes = {
        @Index(name = "commitment_listing", columnList = "announced_on, id"),
        @Index(name = "commitment_investor", columnList = "investor_id")})
public class Commitment extends Aggregate<CommitmentState> {

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

    @Column(columnDefinition = "text")
    public String notes;

    /** The tracked fabs this money pays for; empty when it is not tied to any. */
    @Convert(converter = UuidListConverter.class)
    @Column(name = "funded_fab_ids", nullable = false, columnDefinition = "text")
    public List<UUID> fundedFabIds = new ArrayList<>();

    /** Records a new commitment of {@code investor}: {@code CommitmentRecorded}. */
    public Change<CommitmentState> record(NewCommitment request, Investor investor) {
        CommitmentStatus initial = request.status() == null ? RUMORED : request.status();
        List<Problem.Violation> violations = new ArrayList<>(reportedAmountRule(request.reportedAmount(), request.reportedCurrency()));
        if (initial == WITHDRAWN) {
            violations.add(new Problem.Violation("status", "a commitment cannot be recorded as WITHDRAWN"));
        }
        violations.addAll(disbursementRule(initial, request.disbursedUsd(), BigDecimal.ZERO, request.amountUsd()));
        rejectIfAny(violations);
        this.investor = investor;
        amountUsd = Amounts.money(request.amountUsd());
        reportedAmount = Amounts.money(request.reportedAmount());
        reportedCurrency = request.reportedCurrency();
        purpose = request.purpose();
        status = initial;
        disbursedUsd = Amounts.money(initial == DISBURSED ? request.disbursedUsd() : BigDecimal.ZERO);
        announcedOn = request.announcedOn();
        notes = request.notes();
        fundedFabIds = request.fundedFabIds() == null ? new ArrayList<>() : new ArrayList<>(request.fundedFabIds());
        return created(CommitmentEvent.RECORDED, request.sources(), notes, announcedOn);
    }

    /** A forward move, a further disbursement or a withdrawal: {@code CommitmentStatusChanged} or {@code CommitmentWithdrawn}. */
    public Change<CommitmentState> changeStatus(StatusChange request) {
        if (!Lifecycle.canMove(status, request.to())) {
            throw ProblemException.conflict("illegal-transition", "Illegal status transition", Lifecycle.whyNot(status, request.to()));
        }
        rejectIfAny(disbursementRule(request.to(), request.disbursedUsd(), disbursedUsd, amountUsd));
        CommitmentState before = toState();
        status = request.to();
        if (request.to() == DISBURSED) {
            disbursedUsd = Amounts.money(request.disbursedUsd());
        }
        return changed(request.to() == WITHDRAWN ? CommitmentEvent.WITHDRAWN : CommitmentEvent.STATUS_CHANGED, before,
                request.source(), request.note(), null);
    }

    /** A revised amount: {@code CommitmentRevised}. A revision must change something, by value (900 is 900.00). */
    public Change<CommitmentState> revise(AmountRevision request) {
        if (status == WITHDRAWN) {
            throw ProblemException.conflict("commitment-withdrawn", "Commitment withdrawn", "A withdrawn commitment cannot be revised");
        }
        List<Problem.Violation> violations = new ArrayList<>(reportedAmountRule(request.reportedAmount(), request.reportedCurrency()));
        if (request.amountUsd().compareTo(disbursedUsd) < 0) {
            violations.add(new Problem.Violation("amountUsd",
                    "must be at least the " + disbursedUsd.toPlainString() + " USD already disbursed"));
        }
        // An absent reported amount keeps the current one.
        boolean reportedChanges = request.reportedAmount() != null
                && (!Amounts.same(request.reportedAmount(), reportedAmount) || !Objects.equals(request.reportedCurrency(), reportedCurrency));
        if (Amounts.same(request.amountUsd(), amountUsd) && !reportedChanges) {
            violations.add(new Problem.Violation("amountUsd", "is the current amount; a revision must change it"));
        }
        rejectIfAny(violations);
        CommitmentState before = toState();
        amountUsd = Amounts.money(request.amountUsd());
        if (request.reportedAmount() != null) {
            reportedAmount = Amounts.money(request.reportedAmount());
            reportedCurrency = request.reportedCurrency();
        }
        addSource(request.source());
        return changed(CommitmentEvent.REVISED, before, request.source(), request.reason(), null);
    }

    private static List<Problem.Violation> reportedAmountRule(BigDecimal amount, String currency) {
        return (amount == null) == (currency == null) ? List.of()
                : List.of(new Problem.Violation(amount == null ? "reportedAmount" : "reportedCurrency",
                "reportedAmount and reportedCurrency go together"));
    }

    private static List<Problem.Violation> disbursementRule(CommitmentStatus to, BigDecimal disbursed,
                                                            BigDecimal previous, BigDecimal amount) {
        if (to != DISBURSED) {
            return disbursed == null ? List.of()
                    : List.of(new Problem.Violation("disbursedUsd", "only a move to DISBURSED records a disbursement"));
        }
        if (disbursed == null) {
            return List.of(new Problem.Violation("disbursedUsd", "is required with DISBURSED"));
        }
        if (disbursed.compareTo(amount) > 0) {
            return List.of(new Problem.Violation("disbursedUsd",
                    "must not exceed the amount of " + amount.toPlainString() + " USD"));
        }
        if (disbursed.compareTo(previous) <= 0) {
            return List.of(new Problem.Violation("disbursedUsd",
                    "must be more than the " + previous.toPlainString() + " USD disbursed so far"));
        }
        return List.of();
    }

    private static void rejectIfAny(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("business-rule", "Request breaks a business rule",
                    violations.size() + " rule(s) broken", violations);
        }
    }

    @Override
    public CommitmentState toState() {
        return new CommitmentState(id, investor.toRef(), amountUsd, reportedAmount, reportedCurrency, purpose, status,
                disbursedUsd, announcedOn, List.copyOf(sources), notes, List.copyOf(fundedFabIds), version, createdAt, updatedAt);
    }
}
