package io.chipbet.platform.contract.funding;

import io.chipbet.platform.contract.common.AggregateSnapshot;
import io.chipbet.platform.contract.common.SourceRef;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
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
        @NotNull UUID id,
        @NotNull @Valid InvestorRef investor,
        @Schema(description = "Amount in US dollars", examples = "7000000000000") @NotNull @PositiveOrZero BigDecimal amountUsd,
        @Schema(nullable = true, description = "The amount as originally reported, in reportedCurrency") BigDecimal reportedAmount,
        @Schema(nullable = true, description = "ISO 4217 code of reportedAmount", examples = "AED") @Pattern(regexp = "[A-Z]{3}") String reportedCurrency,
        @NotNull Purpose purpose,
        @NotNull CommitmentStatus status,
        @Schema(description = "Paid out so far; never more than amountUsd") @NotNull @PositiveOrZero BigDecimal disbursedUsd,
        @NotNull LocalDate announcedOn,
        @NotEmpty List<@Valid @NotNull SourceRef> sources,
        @Schema(nullable = true) String notes,
        @Schema(nullable = true, description = "The tracked fabs this money pays for, if it is tied to any: it funds those fabs, and is not also counted as new capacity")
        @Size(max = 20) List<@NotNull UUID> fundedFabIds,
        @Schema(description = "Increases by one with every change; the ETag") @Positive long version,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt) implements AggregateSnapshot {
}
