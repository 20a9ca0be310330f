package io.chipbet.platform.contract.talent;

import io.chipbet.platform.contract.common.AggregateSnapshot;
import io.chipbet.platform.contract.common.SourceRef;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "TrainingProgram", description = "A program that adds workers of one role in one region each year")
public record TrainingProgramState(
        @NotNull UUID id,
        @Schema(examples = "Arizona semiconductor technician apprenticeships") @NotBlank String name,
        @NotBlank String region,
        @NotNull TalentRole role,
        @Schema(examples = "500") @PositiveOrZero long workersPerYear,
        int startYear,
        int endYear,
        @Schema(nullable = true) @PositiveOrZero BigDecimal fundingUsd,
        @NotNull @Valid SourceRef source,
        @Positive long version,
        @NotNull Instant createdAt) implements AggregateSnapshot {
}
