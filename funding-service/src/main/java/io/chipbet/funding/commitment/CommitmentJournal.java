package io.chipbet.funding.commitment;

import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.event.FieldChange;
import io.chipbet.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Records what just happened to a commitment, twice and atomically: as a history entry, and as a
 * domain event in the outbox. Call it inside the transaction that made the change, after it.
 */
@ApplicationScoped
public class CommitmentJournal {

    private final CommitmentChangeRepository changes;
    private final Outbox outbox;

    public CommitmentJournal(CommitmentChangeRepository changes, Outbox outbox) {
        this.changes = changes;
        this.outbox = outbox;
    }

    /** What the commitment looked like before the change, for the history and the event's changes. */
    public record Before(CommitmentStatus status, BigDecimal amountUsd, BigDecimal disbursedUsd,
                         BigDecimal reportedAmount, String reportedCurrency) {
        static Before of(Commitment commitment) {
            return new Before(commitment.status, commitment.amountUsd, commitment.disbursedUsd,
                    commitment.reportedAmount, commitment.reportedCurrency);
        }
    }

    public Uni<Void> recorded(Commitment commitment, String actor) {
        return write(commitment, CommitmentChange.Kind.RECORDED, FundingTopics.COMMITMENT_RECORDED, null, actor,
                commitment.sources.get(0), commitment.notes);
    }

    public Uni<Void> changed(Commitment commitment, Before before, CommitmentChange.Kind kind, String actor,
                             SourceRef source, String note) {
        String type = switch (kind) {
            case STATUS_CHANGED -> FundingTopics.COMMITMENT_STATUS_CHANGED;
            case REVISED -> FundingTopics.COMMITMENT_REVISED;
            case WITHDRAWN -> FundingTopics.COMMITMENT_WITHDRAWN;
            case RECORDED -> throw new IllegalArgumentException("A recording is not a change");
        };
        return write(commitment, kind, type, before, actor, source, note);
    }

    private Uni<Void> write(Commitment commitment, CommitmentChange.Kind kind, String type, Before before,
                            String actor, SourceRef source, String note) {
        CommitmentChange entry = new CommitmentChange();
        entry.id = UUID.randomUUID();
        entry.commitmentId = commitment.id;
        entry.version = commitment.version;
        entry.kind = kind;
        entry.fromStatus = before == null ? null : before.status();
        entry.toStatus = commitment.status;
        entry.amountFromUsd = before == null ? null : before.amountUsd();
        entry.amountToUsd = commitment.amountUsd;
        entry.disbursedFromUsd = before == null ? null : before.disbursedUsd();
        entry.disbursedToUsd = commitment.disbursedUsd;
        entry.actor = actor;
        entry.changedAt = commitment.updatedAt;
        entry.sourceUrl = source.url();
        entry.sourceTitle = source.title();
        entry.note = note;

        DomainEvent event = DomainEvent.of(type, FundingTopics.AGGREGATE, commitment.id, commitment.version, actor,
                before == null ? List.of() : fieldChanges(before, commitment), commitment.toState());
        return changes.persist(entry).chain(() -> outbox.append(FundingTopics.COMMITMENTS, event));
    }

    private static List<FieldChange> fieldChanges(Before before, Commitment after) {
        return List.of(
                        FieldChange.of("status", before.status(), after.status),
                        FieldChange.of("amountUsd", before.amountUsd(), after.amountUsd),
                        FieldChange.of("disbursedUsd", before.disbursedUsd(), after.disbursedUsd),
                        FieldChange.of("reportedAmount", before.reportedAmount(), after.reportedAmount),
                        FieldChange.of("reportedCurrency", before.reportedCurrency(), after.reportedCurrency))
                .stream().filter(FieldChange::isChange).toList();
    }
}
