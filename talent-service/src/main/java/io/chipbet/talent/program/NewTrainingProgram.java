package io.chipbet.talent.program;

import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.talent.TalentRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "A training program; endYear must not be before startYear")
public record NewTrainingProgram(
        @Schema(description = "At most 255 characters, as its column keeps") @NotBlank @Size(max = 255) String name,
        @Schema(examples = "US") @NotBlank @Size(max = 40) String region,
        @NotNull TalentRole role,
        @Schema(examples = "500") @NotNull @PositiveOrZero Long workersPerYear,
        @Schema(examples = "2025") @NotNull @Min(1990) @Max(2100) Integer startYear,
        @Schema(examples = "2030") @NotNull @Min(1990) @Max(2100) Integer endYear,
        @PositiveOrZero @Digits(integer = 20, fraction = 2) BigDecimal fundingUsd,
        @NotNull @Valid SourceRef source) {
}
