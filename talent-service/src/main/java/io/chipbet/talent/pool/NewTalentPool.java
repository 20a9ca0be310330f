package io.chipbet.talent.pool;

import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.talent.TalentRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(description = "A talent pool to record: one per region and role (or one for all roles of a region)")
public record NewTalentPool(
        @Schema(examples = "US") @NotBlank @Size(max = 40) String region,
        @Schema(description = "Absent when the source gives one figure for all roles", examples = "TECHNICIAN") TalentRole role,
        @Schema(examples = "2022") @NotNull @Min(1990) @Max(2100) Integer asOfYear,
        @Schema(examples = "345000") @NotNull @PositiveOrZero Long headcount,
        @Schema(examples = "10000") @NotNull @PositiveOrZero Long annualPipeline,
        @Schema(examples = "0.05") @NotNull @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) @Digits(integer = 2, fraction = 4) BigDecimal attritionRate,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull SourceRef> sources) {
}
