package io.chipbet.talent.pool;

import io.chipbet.platform.contract.common.SourceRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "New figures for a pool: at least one, with reason and source")
public record PoolUpdate(
        @Min(1990) @Max(2100) Integer asOfYear,
        @PositiveOrZero Long headcount,
        @PositiveOrZero Long annualPipeline,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) @Digits(integer = 2, fraction = 4) BigDecimal attritionRate,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull @Valid SourceRef source) {
}
