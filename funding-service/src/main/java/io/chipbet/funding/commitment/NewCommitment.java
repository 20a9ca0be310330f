package io.chipbet.funding.commitment;

import io.chipbet.platform.api.SaneDate;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "A commitment to record, as reported")
public record NewCommitment(
        @NotNull UUID investorId,
        @Schema(examples = "100000000000") @NotNull @Positive @Digits(integer = 20, fraction = 2) BigDecimal amountUsd,
        @Schema(description = "The amount as the source reported it, if not in US dollars")
        @Positive @Digits(integer = 20, fraction = 2) BigDecimal reportedAmount,
        @Schema(examples = "EUR") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code, e.g. EUR") String reportedCurrency,
        @Schema(examples = "FABS") @NotNull Purpose purpose,
        @Schema(description = "Where the commitment stands when recorded; RUMORED if absent. Not WITHDRAWN.")
        CommitmentStatus status,
        @Schema(description = "Only with status DISBURSED") @PositiveOrZero @Digits(integer = 20, fraction = 2) BigDecimal disbursedUsd,
        @Schema(examples = "2024-02-08") @NotNull @PastOrPresent @SaneDate LocalDate announcedOn,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull SourceRef> sources,
        @Size(max = 10000) String notes,
        @Schema(description = "The tracked fabs (fab-service ids) this money pays for, if it is tied to any")
        @Size(max = 20) List<@NotNull UUID> fundedFabIds) {
}
