package io.chipbet.platform.contract.talent;

import io.chipbet.platform.contract.common.AggregateSnapshot;
import io.chipbet.platform.contract.common.SourceRef;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "TalentPool", description = "The workforce of one role in one region, as of a year")
public record TalentPoolState(
        @NotNull UUID id,
        @Schema(examples = "US") @NotBlank String region,
        @Schema(nullable = true, description = "Absent: every role, for a source that gives no split") TalentRole role,
        @Schema(examples = "2022") int asOfYear,
        @Schema(examples = "345000") @PositiveOrZero long headcount,
        @Schema(description = "New entrants per year", examples = "10000") @PositiveOrZero long annualPipeline,
        @Schema(description = "Share of the workforce that leaves per year, in [0, 1)", examples = "0.05") @NotNull @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) BigDecimal attritionRate,
        @NotEmpty List<@Valid @NotNull SourceRef> sources,
        @Positive long version,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt) implements AggregateSnapshot {
}
