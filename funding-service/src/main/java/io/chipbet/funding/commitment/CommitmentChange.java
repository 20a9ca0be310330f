package io.chipbet.funding.commitment;

import io.chipbet.platform.history.Change;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.history.StatusChangeEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** One entry of a commitment's history, with the status and amounts before and after, for easy reading. */
@Entity
@Table(name = "commitment_change", indexes = @Index(name = "commitment_change_history", columnList = "aggregate_id, version"))
public class CommitmentChange extends StatusChangeEntry<CommitmentStatus> {

    @Column(name = "amount_from_usd", precision = 22, scale = 2)
    public BigDecimal amountFromUsd;

    @Column(name = "amount_to_usd", nullable = false, precision = 22, scale = 2)
    public BigDecimal amountToUsd;

    @Column(name = "disbursed_from_usd", precision = 22, scale = 2)
    public BigDecimal disbursedFromUsd;

    @Column(name = "disbursed_to_usd", nullable = false, precision = 22, scale = 2)
    public BigDecimal disbursedToUsd;

    /** The entry of a change, with the status and the amounts it moved between. */
    static CommitmentChange of(Change<CommitmentState> change) {
        CommitmentState before = change.before();
        CommitmentState after = change.after();
        CommitmentChange entry = new CommitmentChange();
        entry.moved(change, CommitmentState::status);
        entry.amountFromUsd = before == null ? null : before.amountUsd();
        entry.amountToUsd = after.amountUsd();
        entry.disbursedFromUsd = before == null ? null : before.disbursedUsd();
        entry.disbursedToUsd = after.disbursedUsd();
        return entry;
    }
}
