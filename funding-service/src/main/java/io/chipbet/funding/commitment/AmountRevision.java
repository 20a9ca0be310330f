package io.chipbet.funding.commitment;

import io.chipbet.platform.contract.common.SourceRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "A revised amount, e.g. 'scaled down to hundreds of billions', with its source")
public record AmountRevision(
        @Schema(examples = "500000000000") @NotNull @Positive @Digits(integer = 20, fraction = 2) BigDecimal amountUsd,
        @Positive @Digits(integer = 20, fraction = 2) BigDecimal reportedAmount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code, e.g. EUR") String reportedCurrency,
        @Schema(examples = "Plan scaled down to hundreds of billions") @NotBlank @Size(max = 2000) String reason,
        @NotNull @Valid SourceRef source) {
}
