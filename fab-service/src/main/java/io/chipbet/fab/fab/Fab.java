package io.chipbet.fab.fab;

import io.chipbet.platform.aggregate.Aggregate;
import io.chipbet.platform.history.Change;
import io.chipbet.platform.api.Amounts;
import io.chipbet.platform.contract.fab.CustomerStatus;
import io.chipbet.platform.contract.fab.FabEvent;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.NodeClass;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;

import static io.chipbet.platform.contract.fab.FabStatus.ANNOUNCED;
import static io.chipbet.platform.contract.fab.FabStatus.CANCELLED;
import static io.chipbet.platform.contract.fab.FabStatus.PAUSED;
import static io.chipbet.platform.contract.fab.FabStatus.UNDER_CONSTRUCTION;
import static io.chipbet.platform.contract.fab.FabStatus.VOLUME_PRODUCTION;

/**
 * A fab project. Its methods are its use cases: each checks the lifecycle ({@link FabLifecycle}) and
 * the order of the dates ({@link DateRules}), changes the fab and returns the event of the change.
 * The slip is derived from the dates, never stored or typed in.
 */
@Entity
@Table(name = "fab", indexes = @Index(name = "fab_listing", columnList = "announced_on, id"))
public class Fab extends Aggregate<FabState> {

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

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_status")
    public CustomerStatus customerStatus;

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

    /** Announces a new fab, ANNOUNCED: {@code FabAnnounced}. */
    public Change<FabState> announce(NewFab request) {
        name = request.name().trim();
        operator = request.operator().trim();
        site = request.site();
        country = request.country().toUpperCase(Locale.ROOT);
        region = request.region().trim();
        nodeClass = request.nodeClass();
        processLabel = request.processLabel();
        capexUsd = Amounts.money(request.capexUsd());
        capacityWafersPerMonth = request.capacityWafersPerMonth();
        operationsHeadcount = request.operationsHeadcount();
        constructionPeakHeadcount = request.constructionPeakHeadcount();
        customerStatus = request.customerStatus();
        status = ANNOUNCED;
        announcedOn = request.announcedOn();
        originalProductionDate = request.originalProductionDate();
        plannedProductionDate = request.plannedProductionDate() != null ? request.plannedProductionDate() : request.originalProductionDate();
        if (plannedProductionDate != null && originalProductionDate == null) {
            originalProductionDate = plannedProductionDate; // the first plan is the first promise
        }
        DateRules.check(this);
        return created(FabEvent.ANNOUNCED, request.sources(), null, announcedOn);
    }

    /**
     * A move on a date: a stage reached ({@code FabMilestoneReached}; UNDER_CONSTRUCTION sets the
     * construction start, VOLUME_PRODUCTION the actual production date), a resumption from PAUSED
     * (also {@code FabMilestoneReached}), a pause ({@code FabPaused}) or a cancellation ({@code FabCancelled}).
     */
    public Change<FabState> move(FabStatusChange request) {
        FabStatus target = request.status();
        if (!FabLifecycle.canMove(status, pausedFrom, target)) {
            throw ProblemException.conflict("illegal-transition", "Illegal status transition", FabLifecycle.whyNot(status, pausedFrom, target));
        }
        DateRules.milestoneNotBeforeLast(this, request.reachedOn());
        FabState before = toState();
        if (target == PAUSED) {
            pausedFrom = status;
        } else if (status == PAUSED) {
            pausedFrom = null;
        }
        status = target;
        if (target == UNDER_CONSTRUCTION && constructionStartOn == null) {
            constructionStartOn = request.reachedOn();
        }
        if (target == VOLUME_PRODUCTION) {
            actualProductionDate = request.reachedOn();
        }
        DateRules.check(this);
        FabEvent event = target == PAUSED ? FabEvent.PAUSED : target == CANCELLED ? FabEvent.CANCELLED : FabEvent.MILESTONE_REACHED;
        return changed(event, before, request.source(), request.note(), request.reachedOn());
    }

    /** A later planned production date: {@code FabDelayed}. The slip follows from it. */
    public Change<FabState> delay(Delay request) {
        if (status == VOLUME_PRODUCTION || status == CANCELLED) {
            throw ProblemException.conflict("not-delayable", "Fab cannot be delayed",
                    "The fab is " + status + ": there is no production date left to delay");
        }
        if (plannedProductionDate != null && !request.plannedProductionDate().isAfter(plannedProductionDate)) {
            throw ProblemException.unprocessable("not-a-delay", "Not a delay",
                    "A delay moves the planned date later than " + plannedProductionDate,
                    List.of(new Problem.Violation("plannedProductionDate", "must be after " + plannedProductionDate)));
        }
        FabState before = toState();
        if (originalProductionDate == null) {
            originalProductionDate = request.plannedProductionDate();
        }
        plannedProductionDate = request.plannedProductionDate();
        addSource(request.source());
        DateRules.check(this);
        return changed(FabEvent.DELAYED, before, request.source(), request.reason(), request.plannedProductionDate());
    }

    /** Revised capacity, capex, headcounts or customer status, at least one: {@code FabRevised}. */
    public Change<FabState> revise(FabRevision request) {
        if (request.capexUsd() == null && request.capacityWafersPerMonth() == null && request.operationsHeadcount() == null
                && request.constructionPeakHeadcount() == null && request.customerStatus() == null) {
            throw ProblemException.unprocessable("empty-revision", "Nothing to revise",
                    "Give at least one of capexUsd, capacityWafersPerMonth, operationsHeadcount, constructionPeakHeadcount, customerStatus",
                    List.of(new Problem.Violation("capacityWafersPerMonth", "one revised figure is required")));
        }
        if (status == CANCELLED) {
            throw ProblemException.conflict("fab-cancelled", "Fab cancelled", "A cancelled fab cannot be revised");
        }
        FabState before = toState();
        capexUsd = given(Amounts.money(request.capexUsd()), capexUsd);
        capacityWafersPerMonth = given(request.capacityWafersPerMonth(), capacityWafersPerMonth);
        operationsHeadcount = given(request.operationsHeadcount(), operationsHeadcount);
        constructionPeakHeadcount = given(request.constructionPeakHeadcount(), constructionPeakHeadcount);
        customerStatus = given(request.customerStatus(), customerStatus);
        addSource(request.source());
        return changed(FabEvent.REVISED, before, request.source(), request.reason(), null);
    }

    /** Whole calendar months from the first promise to production: actual if reached, else planned. */
    public Integer slipMonths() {
        LocalDate effective = actualProductionDate != null ? actualProductionDate : plannedProductionDate;
        if (originalProductionDate == null || effective == null) {
            return null;
        }
        return (int) Period.between(originalProductionDate, effective).toTotalMonths();
    }

    @Override
    public FabState toState() {
        return new FabState(id, name, operator, site, country, region, nodeClass, processLabel, capexUsd,
                capacityWafersPerMonth, operationsHeadcount, constructionPeakHeadcount, status, pausedFrom,
                customerStatus, announcedOn, constructionStartOn, originalProductionDate, plannedProductionDate, actualProductionDate,
                slipMonths(), List.copyOf(sources), version, createdAt, updatedAt);
    }
}
