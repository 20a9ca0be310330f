package io.chipbet.funding.commitment;

import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

@Schema(description = "One change in a commitment's history")
public record HistoryEntry(
        long version,
        @Schema(description = "The event type", examples = "CommitmentRevised") String kind,
        @Schema(nullable = true) CommitmentStatus fromStatus,
        @Schema(nullable = true) CommitmentStatus toStatus,
        @Schema(nullable = true) BigDecimal amountFromUsd,
        @Schema(nullable = true) BigDecimal amountToUsd,
        @Schema(nullable = true) BigDecimal disbursedFromUsd,
        @Schema(nullable = true) BigDecimal disbursedToUsd,
        String actor,
        Instant changedAt,
        SourceRef source,
        @Schema(nullable = true) String note) {

    static HistoryEntry of(CommitmentChange change) {
        return new HistoryEntry(change.version, change.kind, change.fromStatus, change.toStatus,
                change.amountFromUsd, change.amountToUsd, change.disbursedFromUsd, change.disbursedToUsd,
                change.actor, change.recordedAt, new SourceRef(change.sourceUrl, change.sourceTitle), change.note);
    }
}
