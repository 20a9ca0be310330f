package io.chipbet.platform.contract.fab;

import io.chipbet.platform.contract.common.AggregateSnapshot;
import io.chipbet.platform.contract.common.SourceRef;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The full state of a fab project: the REST representation and the {@code data} of every event on {@link FabTopics#PROJECTS}. */
@Schema(name = "Fab", description = "A fab project: what it will make, how much, and when")
public record FabState(
        @NotNull UUID id,
        @Schema(examples = "TSMC Arizona Fab 21 phase 1") @NotBlank String name,
        @Schema(examples = "TSMC") @NotBlank String operator,
        @Schema(examples = "Phoenix, Arizona") String site,
        @Schema(examples = "US") @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
        @Schema(description = "Region code, as talent-service uses them", examples = "US") @NotBlank String region,
        @NotNull NodeClass nodeClass,
        @Schema(examples = "N4") String processLabel,
        @PositiveOrZero BigDecimal capexUsd,
        @PositiveOrZero Integer capacityWafersPerMonth,
        @PositiveOrZero Integer operationsHeadcount,
        @PositiveOrZero Integer constructionPeakHeadcount,
        @NotNull FabStatus status,
        @Schema(description = "The stage a paused fab will resume from") FabStatus pausedFrom,
        @Schema(description = "Whether a customer for the fab's output is reported; absent when nothing is on record")
        CustomerStatus customerStatus,
        @NotNull LocalDate announcedOn,
        LocalDate constructionStartOn,
        @Schema(description = "The first promised production date; fixed once set") LocalDate originalProductionDate,
        @Schema(description = "The production date as planned now") LocalDate plannedProductionDate,
        LocalDate actualProductionDate,
        @Schema(description = "Derived: whole months from the original date to the actual date, or else the planned date")
        Integer slipMonths,
        @NotEmpty List<@Valid @NotNull SourceRef> sources,
        @Positive long version,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt) implements AggregateSnapshot {
}
