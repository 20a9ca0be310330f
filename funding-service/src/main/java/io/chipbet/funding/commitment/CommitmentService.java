package io.chipbet.funding.commitment;

import io.chipbet.funding.investor.InvestorRepository;
import io.chipbet.platform.api.Amounts;
import io.chipbet.platform.api.ETags;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static io.chipbet.platform.contract.funding.CommitmentStatus.DISBURSED;
import static io.chipbet.platform.contract.funding.CommitmentStatus.RUMORED;
import static io.chipbet.platform.contract.funding.CommitmentStatus.WITHDRAWN;

/** The commitment use cases. Each change, its history entry and its event commit together or not at all. */
@ApplicationScoped
public class CommitmentService {

    private final CommitmentRepository commitments;
    private final CommitmentChangeRepository changes;
    private final InvestorRepository investors;
    private final CommitmentJournal journal;

    public CommitmentService(CommitmentRepository commitments, CommitmentChangeRepository changes,
                             InvestorRepository investors, CommitmentJournal journal) {
        this.commitments = commitments;
        this.changes = changes;
        this.investors = investors;
        this.journal = journal;
    }

    /** Runs inside the caller's transaction (see Idempotency). */
    public Uni<Commitment> record(NewCommitment request, String actor) {
        CommitmentStatus status = request.status() == null ? RUMORED : request.status();
        List<Problem.Violation> violations = new ArrayList<>(reportedAmountRule(request.reportedAmount(), request.reportedCurrency()));
        if (status == WITHDRAWN) {
            violations.add(new Problem.Violation("status", "a commitment cannot be recorded as WITHDRAWN"));
        }
        violations.addAll(disbursementRule(status, request.disbursedUsd(), BigDecimal.ZERO, request.amountUsd()));
        rejectIfAny(violations);
        return investors.findById(request.investorId()).chain(investor -> {
            if (investor == null) {
                throw ProblemException.unprocessable("unknown-investor", "Unknown investor",
                        "No investor has id " + request.investorId() + "; record the investor first",
                        List.of(new Problem.Violation("investorId", "no such investor")));
            }
            Instant now = Amounts.now();
            Commitment commitment = new Commitment();
            commitment.id = UUID.randomUUID();
            commitment.investor = investor;
            commitment.amountUsd = Amounts.money(request.amountUsd());
            commitment.reportedAmount = Amounts.money(request.reportedAmount());
            commitment.reportedCurrency = request.reportedCurrency();
            commitment.purpose = request.purpose();
            commitment.status = status;
            commitment.disbursedUsd = Amounts.money(status == DISBURSED ? request.disbursedUsd() : BigDecimal.ZERO);
            commitment.announcedOn = request.announcedOn();
            commitment.sources = new ArrayList<>(request.sources());
            commitment.notes = request.notes();
            commitment.fundedFabIds = request.fundedFabIds() == null ? new ArrayList<>() : new ArrayList<>(request.fundedFabIds());
            commitment.version = 1;
            commitment.createdAt = now;
            commitment.updatedAt = now;
            return commitments.persist(commitment).call(saved -> journal.recorded(saved, actor));
        });
    }

    @WithTransaction
    public Uni<Commitment> changeStatus(UUID id, long expectedVersion, StatusChange request, String actor) {
        return lockCurrent(id, expectedVersion).chain(commitment -> {
            if (!Lifecycle.canMove(commitment.status, request.to())) {
                throw ProblemException.conflict("illegal-transition", "Illegal status transition",
                        Lifecycle.whyNot(commitment.status, request.to()));
            }
            rejectIfAny(disbursementRule(request.to(), request.disbursedUsd(), commitment.disbursedUsd, commitment.amountUsd));
            CommitmentState before = commitment.toState();
            commitment.status = request.to();
            if (request.to() == DISBURSED) {
                commitment.disbursedUsd = Amounts.money(request.disbursedUsd());
            }
            touch(commitment);
            String type = request.to() == WITHDRAWN ? FundingTopics.COMMITMENT_WITHDRAWN : FundingTopics.COMMITMENT_STATUS_CHANGED;
            return journal.changed(commitment, before, type, actor, request.source(), request.note()).replaceWith(commitment);
        });
    }

    @WithTransaction
    public Uni<Commitment> revise(UUID id, long expectedVersion, AmountRevision request, String actor) {
        return lockCurrent(id, expectedVersion).chain(commitment -> {
            if (commitment.status == WITHDRAWN) {
                throw ProblemException.conflict("commitment-withdrawn", "Commitment withdrawn",
                        "A withdrawn commitment cannot be revised");
            }
            List<Problem.Violation> violations = new ArrayList<>(reportedAmountRule(request.reportedAmount(), request.reportedCurrency()));
            if (request.amountUsd().compareTo(commitment.disbursedUsd) < 0) {
                violations.add(new Problem.Violation("amountUsd",
                        "must be at least the " + commitment.disbursedUsd.toPlainString() + " USD already disbursed"));
            }
            // Amounts compare by value (900 is 900.00); an absent reported amount keeps the current one.
            boolean reportedChanges = request.reportedAmount() != null
                    && (!Amounts.same(request.reportedAmount(), commitment.reportedAmount)
                    || !Objects.equals(request.reportedCurrency(), commitment.reportedCurrency));
            if (Amounts.same(request.amountUsd(), commitment.amountUsd) && !reportedChanges) {
                violations.add(new Problem.Violation("amountUsd", "is the current amount; a revision must change it"));
            }
            rejectIfAny(violations);
            CommitmentState before = commitment.toState();
            commitment.amountUsd = Amounts.money(request.amountUsd());
            if (request.reportedAmount() != null) {
                commitment.reportedAmount = Amounts.money(request.reportedAmount());
                commitment.reportedCurrency = request.reportedCurrency();
            }
            if (commitment.sources.stream().noneMatch(source -> source.url().equals(request.source().url()))) {
                commitment.sources.add(request.source());
            }
            touch(commitment);
            return journal.changed(commitment, before, FundingTopics.COMMITMENT_REVISED, actor, request.source(), request.reason())
                    .replaceWith(commitment);
        });
    }

    public Uni<Commitment> get(UUID id) {
        return commitments.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Commitment", id));
    }

    public Uni<Page<Commitment>> search(UUID investorId, CommitmentStatus status, Purpose purpose, int page, int size) {
        return commitments.search(investorId, status, purpose, page, size);
    }

    public Uni<List<CommitmentChange>> history(UUID id) {
        return get(id).chain(commitment -> changes.history(id));
    }

    private Uni<Commitment> lockCurrent(UUID id, long expectedVersion) {
        return commitments.findForUpdate(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Commitment", id))
                .invoke(commitment -> ETags.requireCurrent("Commitment " + id, commitment.version, expectedVersion));
    }

    private static void touch(Commitment commitment) {
        commitment.version++;
        commitment.updatedAt = Amounts.now();
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
}
