package io.chipbet.platform.contract.talent;

import io.chipbet.platform.contract.common.SourceRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "ShortfallEstimate", description = "A workforce gap as a study published it")
public record ShortfallEstimateState(
        UUID id,
        @Schema(examples = "US") String region,
        @Schema(description = "Absent when the study gives one figure for all roles") TalentRole role,
        @Schema(examples = "2030") int targetYear,
        @Schema(examples = "67000") long shortfall,
        @Schema(description = "The demand the study projects, when it gives one", examples = "460000") Long demand,
        SourceRef source,
        long version,
        Instant createdAt) {
}
