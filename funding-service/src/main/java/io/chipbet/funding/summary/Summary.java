package io.chipbet.funding.summary;

import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

@Schema(description = "Commitment totals. 'active' leaves out WITHDRAWN commitments.")
public record Summary(
        long commitments,
        BigDecimal activeAmountUsd,
        BigDecimal disbursedUsd,
        Map<CommitmentStatus, Totals> byStatus,
        Map<Purpose, Totals> byPurpose) {

    public record Totals(long commitments, BigDecimal amountUsd, BigDecimal disbursedUsd) {
        static final Totals NONE = new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO);

        Totals plus(Totals other) {
            return new Totals(commitments + other.commitments, amountUsd.add(other.amountUsd), disbursedUsd.add(other.disbursedUsd));
        }
    }
}
