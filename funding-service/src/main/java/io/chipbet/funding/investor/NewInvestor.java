package io.chipbet.funding.investor;

import io.chipbet.platform.contract.funding.InvestorKind;
import io.chipbet.platform.api.CountryCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An investor to record")
public record NewInvestor(
        @Schema(examples = "MGX") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "SOVEREIGN_FUND") @NotNull InvestorKind kind,
        @Schema(description = "ISO 3166-1 alpha-2", examples = "AE") @NotNull @CountryCode String country) {
}
