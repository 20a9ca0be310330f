package io.chipbet.talent.estimate;

import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.talent.TalentRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A shortfall estimate, as the study reported it")
public record NewShortfallEstimate(
        @Schema(examples = "US") @NotBlank @Size(max = 40) String region,
        @Schema(description = "Absent when the study gives one figure for all roles") TalentRole role,
        @Schema(examples = "2030") @NotNull @Min(1990) @Max(2100) Integer targetYear,
        @Schema(examples = "67000") @NotNull @PositiveOrZero Long shortfall,
        @Schema(examples = "460000") @PositiveOrZero Long demand,
        @NotNull @Valid SourceRef source) {
}
