package io.chipbet.funding.commitment;

import io.chipbet.funding.investor.InvestorRepository;
import io.chipbet.platform.aggregate.AggregateWrites;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.idempotency.UpdateRequest;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/** The commitment use cases. Each owns its transaction: the change, its history entry and its event commit together or not at all. */
@ApplicationScoped
public class CommitmentService {

    @Inject CommitmentRepository commitments;
    @Inject CommitmentChangeRepository changes;
    @Inject InvestorRepository investors;
    @Inject AggregateWrites writes;

    @WithTransaction
    public Uni<Written> record(NewCommitment request, WriteRequest write) {
        return writes.create(write, request, () -> investors.findById(request.investorId()).chain(investor -> {
            if (investor == null) {
                throw ProblemException.unprocessable("unknown-investor", "Unknown investor",
                        "No investor has id " + request.investorId() + "; record the investor first",
                        List.of(new Problem.Violation("investorId", "no such investor")));
            }
            Commitment commitment = new Commitment();
            var recorded = commitment.record(request, investor);
            return commitments.persist(commitment).replaceWith(recorded);
        }), CommitmentChange::of);
    }

    @WithTransaction
    public Uni<Written> changeStatus(UUID id, StatusChange request, UpdateRequest write) {
        return writes.update(write, request, expected -> commitments.lockCurrent(id, expected)
                .map(commitment -> commitment.changeStatus(request)), CommitmentChange::of);
    }

    @WithTransaction
    public Uni<Written> revise(UUID id, AmountRevision request, UpdateRequest write) {
        return writes.update(write, request, expected -> commitments.lockCurrent(id, expected)
                .map(commitment -> commitment.revise(request)), CommitmentChange::of);
    }

    @WithSession
    public Uni<CommitmentState> get(UUID id) {
        return commitments.get(id).map(Commitment::toState);
    }

    @WithSession
    public Uni<Page<CommitmentState>> search(UUID investorId, CommitmentStatus status, Purpose purpose, PageRequest paging) {
        return commitments.search(investorId, status, purpose, paging).map(found -> found.map(Commitment::toState));
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(UUID id, PageRequest paging) {
        return commitments.get(id).chain(commitment -> changes.history(id, paging)).map(entries -> entries.map(HistoryEntry::of));
    }
}
