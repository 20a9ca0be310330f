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
        @Schema(nullable = true, examples = "Phoenix, Arizona") String site,
        @Schema(examples = "US") @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
        @Schema(description = "Region code, as talent-service uses them", examples = "US") @NotBlank String region,
        @NotNull NodeClass nodeClass,
        @Schema(nullable = true, examples = "N4") String processLabel,
        @Schema(nullable = true) @PositiveOrZero BigDecimal capexUsd,
        @Schema(nullable = true) @PositiveOrZero Integer capacityWafersPerMonth,
        @Schema(nullable = true) @PositiveOrZero Integer operationsHeadcount,
        @Schema(nullable = true) @PositiveOrZero Integer constructionPeakHeadcount,
        @NotNull FabStatus status,
        @Schema(nullable = true, description = "The stage a paused fab will resume from") FabStatus pausedFrom,
        @Schema(nullable = true, description = "Whether a customer for the fab's output is reported; absent when nothing is on record")
        CustomerStatus customerStatus,
        @NotNull LocalDate announcedOn,
        @Schema(nullable = true) LocalDate constructionStartOn,
        @Schema(nullable = true, description = "The first promised production date; fixed once set") LocalDate originalProductionDate,
        @Schema(nullable = true, description = "The production date as planned now") LocalDate plannedProductionDate,
        @Schema(nullable = true) LocalDate actualProductionDate,
        @Schema(nullable = true, description = "Derived: whole months from the original date to the actual date, or else the planned date")
        Integer slipMonths,
        @NotEmpty List<@Valid @NotNull SourceRef> sources,
        @Positive long version,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt) implements AggregateSnapshot {
}
