package io.chipbet.platform.contract.talent;

import io.chipbet.platform.contract.common.AggregateSnapshot;
import io.chipbet.platform.contract.common.SourceRef;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "ShortfallEstimate", description = "A workforce gap as a study published it")
public record ShortfallEstimateState(
        @NotNull UUID id,
        @Schema(examples = "US") @NotBlank String region,
        @Schema(nullable = true, description = "Absent when the study gives one figure for all roles") TalentRole role,
        @Schema(examples = "2030") int targetYear,
        @Schema(examples = "67000") @PositiveOrZero long shortfall,
        @Schema(nullable = true, description = "The demand the study projects, when it gives one", examples = "460000") @PositiveOrZero Long demand,
        @NotNull @Valid SourceRef source,
        @Positive long version,
        @NotNull Instant createdAt) implements AggregateSnapshot {
}
