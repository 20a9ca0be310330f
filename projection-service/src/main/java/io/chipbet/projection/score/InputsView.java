package io.chipbet.projection.score;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What drives each coverage, for an analyst who wants to recompute the score by hand. */
public record InputsView(List<CapitalInput> capital, List<FabInput> fabs, List<TalentInput> talent,
                         Double operationsPerWaferMonth, Double constructionPeakPerWaferMonth) {

    public record CapitalInput(UUID id, String investor, String status, String purpose, BigDecimal amountUsd,
                               BigDecimal disbursedUsd, double weightedUsd) {
    }

    public record FabInput(UUID id, String name, String operator, String region, String nodeClass, String status,
                           Integer capacityWafersPerMonth, LocalDate plannedProductionDate, LocalDate actualProductionDate,
                           long expectedFurtherSlipMonths, LocalDate expectedOnline, boolean countsForCapacity) {
    }

    public record TalentInput(UUID id, String region, String role, int asOfYear, long headcount, double netAdditionByHorizon) {
    }
}
