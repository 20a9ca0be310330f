package io.chipbet.platform.contract.talent;

import io.chipbet.platform.contract.common.SourceRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "TalentPool", description = "The workforce of one role in one region, as of a year")
public record TalentPoolState(
        UUID id,
        @Schema(examples = "US") String region,
        @Schema(description = "Absent: every role, for a source that gives no split") TalentRole role,
        @Schema(examples = "2022") int asOfYear,
        @Schema(examples = "345000") long headcount,
        @Schema(description = "New entrants per year", examples = "10000") long annualPipeline,
        @Schema(description = "Share of the workforce that leaves per year, in [0, 1)", examples = "0.05") BigDecimal attritionRate,
        List<SourceRef> sources,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
