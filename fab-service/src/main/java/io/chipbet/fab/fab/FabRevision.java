package io.chipbet.fab.fab;

import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.fab.CustomerStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "Revised capacity, capex, headcounts or customer status: at least one, with reason and source")
public record FabRevision(
        @PositiveOrZero @Digits(integer = 20, fraction = 2) BigDecimal capexUsd,
        @PositiveOrZero Integer capacityWafersPerMonth,
        @PositiveOrZero Integer operationsHeadcount,
        @PositiveOrZero Integer constructionPeakHeadcount,
        @Schema(description = "A customer reported for the fab's output, or reported lacking") CustomerStatus customerStatus,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull @Valid SourceRef source) {
}
