package io.chipbet.funding.commitment;

import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.history.ChangeJournal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Records what just happened to a commitment: a history entry and its event. Call it inside the change's transaction. */
@ApplicationScoped
public class CommitmentJournal {

    private final ChangeJournal journal;

    public CommitmentJournal(ChangeJournal journal) {
        this.journal = journal;
    }

    public Uni<Void> recorded(Commitment commitment, String actor) {
        return changed(commitment, null, FundingTopics.COMMITMENT_RECORDED, actor, commitment.sources.get(0), commitment.notes);
    }

    /** @param before the commitment's state before the change, from {@link Commitment#toState()} */
    public Uni<Void> changed(Commitment commitment, CommitmentState before, String type, String actor, SourceRef source,
                             String note) {
        CommitmentChange entry = new CommitmentChange();
        entry.fromStatus = before == null ? null : before.status();
        entry.toStatus = commitment.status;
        entry.amountFromUsd = before == null ? null : before.amountUsd();
        entry.amountToUsd = commitment.amountUsd;
        entry.disbursedFromUsd = before == null ? null : before.disbursedUsd();
        entry.disbursedToUsd = commitment.disbursedUsd;
        return journal.record(entry, new ChangeJournal.Change<>(FundingTopics.COMMITMENTS, FundingTopics.AGGREGATE, commitment.id,
                commitment.version, type, actor, commitment.updatedAt, before, commitment.toState(), source, note)).replaceWithVoid();
    }
}
