package io.chipbet.platform.contract.fab;

import io.chipbet.platform.contract.common.SourceRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The full state of a fab project: the REST representation and the {@code data} of every event on {@link FabTopics#PROJECTS}. */
@Schema(name = "Fab", description = "A fab project: what it will make, how much, and when")
public record FabState(
        UUID id,
        @Schema(examples = "TSMC Arizona Fab 21 phase 1") String name,
        @Schema(examples = "TSMC") String operator,
        @Schema(examples = "Phoenix, Arizona") String site,
        @Schema(examples = "US") String country,
        @Schema(description = "Region code, as talent-service uses them", examples = "US") String region,
        NodeClass nodeClass,
        @Schema(examples = "N4") String processLabel,
        BigDecimal capexUsd,
        Integer capacityWafersPerMonth,
        Integer operationsHeadcount,
        Integer constructionPeakHeadcount,
        FabStatus status,
        @Schema(description = "The stage a paused fab will resume from") FabStatus pausedFrom,
        LocalDate announcedOn,
        LocalDate constructionStartOn,
        @Schema(description = "The first promised production date; fixed once set") LocalDate originalProductionDate,
        @Schema(description = "The production date as planned now") LocalDate plannedProductionDate,
        LocalDate actualProductionDate,
        @Schema(description = "Derived: whole months from the original date to the actual date, or else the planned date")
        Integer slipMonths,
        List<SourceRef> sources,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
