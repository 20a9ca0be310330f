package io.chipbet.platform.contract.talent;

import io.chipbet.platform.contract.common.SourceRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "TrainingProgram", description = "A program that adds workers of one role in one region each year")
public record TrainingProgramState(
        UUID id,
        @Schema(examples = "Arizona semiconductor technician apprenticeships") String name,
        String region,
        TalentRole role,
        @Schema(examples = "500") long workersPerYear,
        int startYear,
        int endYear,
        BigDecimal fundingUsd,
        SourceRef source,
        long version,
        Instant createdAt) {
}
