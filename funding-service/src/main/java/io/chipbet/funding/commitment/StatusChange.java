package io.chipbet.funding.commitment;

import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "Moves a commitment forward, withdraws it, or records a further disbursement")
public record StatusChange(
        @Schema(examples = "DISBURSED") @NotNull CommitmentStatus to,
        @Schema(description = "Required with DISBURSED: the total paid so far, at least the previous total and at most amountUsd")
        @Positive @Digits(integer = 20, fraction = 2) BigDecimal disbursedUsd,
        @NotNull @Valid SourceRef source,
        @Size(max = 10000) String note) {
}
