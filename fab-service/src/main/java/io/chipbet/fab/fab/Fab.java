package io.chipbet.fab.fab;

import io.chipbet.platform.contract.common.SourceListConverter;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.NodeClass;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fab project. {@code version} counts its changes: it is the ETag and the aggregate version of its
 * events. The slip is derived from the dates, never stored or typed in.
 */
@Entity
@Table(name = "fab", indexes = @Index(name = "fab_listing", columnList = "announced_on, id"))
public class Fab {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String operator;

    public String site;

    @Column(nullable = false, length = 2)
    public String country;

    @Column(nullable = false)
    public String region;

    @Enumerated(EnumType.STRING)
    @Column(name = "node_class", nullable = false)
    public NodeClass nodeClass;

    @Column(name = "process_label")
    public String processLabel;

    @Column(name = "capex_usd", precision = 22, scale = 2)
    public BigDecimal capexUsd;

    @Column(name = "capacity_wafers_per_month")
    public Integer capacityWafersPerMonth;

    @Column(name = "operations_headcount")
    public Integer operationsHeadcount;

    @Column(name = "construction_peak_headcount")
    public Integer constructionPeakHeadcount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FabStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "paused_from")
    public FabStatus pausedFrom;

    @Column(name = "announced_on", nullable = false)
    public LocalDate announcedOn;

    @Column(name = "construction_start_on")
    public LocalDate constructionStartOn;

    @Column(name = "original_production_date")
    public LocalDate originalProductionDate;

    @Column(name = "planned_production_date")
    public LocalDate plannedProductionDate;

    @Column(name = "actual_production_date")
    public LocalDate actualProductionDate;

    @Convert(converter = SourceListConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public List<SourceRef> sources = new ArrayList<>();

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whole calendar months from the first promise to production: actual if reached, else planned. */
    public Integer slipMonths() {
        LocalDate effective = actualProductionDate != null ? actualProductionDate : plannedProductionDate;
        if (originalProductionDate == null || effective == null) {
            return null;
        }
        return (int) Period.between(originalProductionDate, effective).toTotalMonths();
    }

    public FabState toState() {
        return new FabState(id, name, operator, site, country, region, nodeClass, processLabel, capexUsd,
                capacityWafersPerMonth, operationsHeadcount, constructionPeakHeadcount, status, pausedFrom,
                announcedOn, constructionStartOn, originalProductionDate, plannedProductionDate, actualProductionDate,
                slipMonths(), List.copyOf(sources), version, createdAt, updatedAt);
    }
}
