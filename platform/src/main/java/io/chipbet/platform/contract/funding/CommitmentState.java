package io.chipbet.platform.contract.funding;

import io.chipbet.platform.contract.common.SourceRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The full state of a capital commitment: the REST representation and the {@code data} of every
 * event on {@link FundingTopics#COMMITMENTS}.
 */
@Schema(name = "Commitment", description = "A capital commitment with its investor and status")
public record CommitmentState(
        UUID id,
        InvestorRef investor,
        @Schema(description = "Amount in US dollars", examples = "7000000000000") BigDecimal amountUsd,
        @Schema(description = "The amount as originally reported, in reportedCurrency") BigDecimal reportedAmount,
        @Schema(description = "ISO 4217 code of reportedAmount", examples = "AED") String reportedCurrency,
        Purpose purpose,
        CommitmentStatus status,
        @Schema(description = "Paid out so far; never more than amountUsd") BigDecimal disbursedUsd,
        LocalDate announcedOn,
        List<SourceRef> sources,
        String notes,
        @Schema(description = "Increases by one with every change; the ETag") long version,
        Instant createdAt,
        Instant updatedAt) {
}
