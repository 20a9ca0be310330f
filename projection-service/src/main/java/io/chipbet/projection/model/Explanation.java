package io.chipbet.projection.model;

import io.chipbet.platform.contract.common.SourceRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The median-input path, input by input, so that an analyst can recompute it by hand
 * (GET /api/v1/inputs; docs/model.md walks through it): each fab with its start and its capacity at
 * the horizon, each commitment with how it counts, each region's workers, and the new-fab build; each fact
 * with its sources (a region's: its pools' and its demand estimates').
 */
public record Explanation(LocalDate evaluatedOn, LocalDate horizon, double targetWpm, List<FabRow> fabs, Capital capital,
                          List<TalentRow> talent, Build build, Reasons reasons) {

    public record FabRow(UUID id, String name, String operator, String region, String nodeClass, String status, @Schema(nullable = true) String customerStatus,
                         @Schema(nullable = true) Integer nameplateWpm, @Schema(nullable = true) LocalDate originalProductionDate, @Schema(nullable = true) LocalDate plannedProductionDate, @Schema(nullable = true) LocalDate actualProductionDate,
                         @Schema(nullable = true) Integer observedSlipMonths, String counted, @Schema(nullable = true) Double furtherSlipMonths, @Schema(nullable = true) LocalDate expectedStart,
                         double capacityAtHorizonWpm, List<SourceRef> sources) {
    }

    public record Capital(BigDecimal newCapacityMoneyUsd, double convertedUsd, double costPerWpmUsd, double capacityWpm,
                          BigDecimal tiedToTrackedFabsUsd, BigDecimal outOfScopeUsd, List<CommitmentRow> commitments) {
    }

    public record CommitmentRow(UUID id, String investor, String country, String status, String purpose, BigDecimal amountUsd,
                                BigDecimal disbursedUsd, String treatment, @Schema(nullable = true) String reason, List<SourceRef> sources) {
    }

    public record TalentRow(String region, double projectedAtHorizon, double headcountNow, Double demandAtHorizon,
                            String demandSource, Double surplus, double newWorkers, List<SourceRef> sources, List<RoleGap> byRole) {
    }

    /** A role's shortfall as a study publishes it (and its demand, when it gives one), with the study. */
    public record RoleGap(String role, int targetYear, long shortfall, @Schema(nullable = true) Long demand, SourceRef source) {
    }

    public record Build(double industryAdditionsWpmPerYear, double surge, double buildMonths, double rampMonths,
                        double monthsLeftToStart, double buildableWpm) {
    }

    /** One line per supply, for the answer's constraints. */
    public record Reasons(String fabs, String capital, String talent) {
    }
}
