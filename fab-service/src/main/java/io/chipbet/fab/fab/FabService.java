package io.chipbet.fab.fab;

import io.chipbet.platform.api.Amounts;
import io.chipbet.platform.api.ETags;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.chipbet.platform.contract.fab.FabStatus.ANNOUNCED;
import static io.chipbet.platform.contract.fab.FabStatus.CANCELLED;
import static io.chipbet.platform.contract.fab.FabStatus.PAUSED;
import static io.chipbet.platform.contract.fab.FabStatus.UNDER_CONSTRUCTION;
import static io.chipbet.platform.contract.fab.FabStatus.VOLUME_PRODUCTION;

/** The fab use cases. Each change, its timeline entry and its event commit together or not at all. */
@ApplicationScoped
public class FabService {

    private final FabRepository fabs;
    private final FabChangeRepository changes;
    private final FabJournal journal;

    public FabService(FabRepository fabs, FabChangeRepository changes, FabJournal journal) {
        this.fabs = fabs;
        this.changes = changes;
        this.journal = journal;
    }

    /** Runs inside the caller's transaction (see Idempotency). */
    public Uni<Fab> announce(NewFab request, String actor) {
        Instant now = Amounts.now();
        Fab fab = new Fab();
        fab.id = UUID.randomUUID();
        fab.name = request.name().trim();
        fab.operator = request.operator().trim();
        fab.site = request.site();
        fab.country = request.country().toUpperCase(Locale.ROOT);
        fab.region = request.region().trim();
        fab.nodeClass = request.nodeClass();
        fab.processLabel = request.processLabel();
        fab.capexUsd = Amounts.money(request.capexUsd());
        fab.capacityWafersPerMonth = request.capacityWafersPerMonth();
        fab.operationsHeadcount = request.operationsHeadcount();
        fab.constructionPeakHeadcount = request.constructionPeakHeadcount();
        fab.status = ANNOUNCED;
        fab.announcedOn = request.announcedOn();
        fab.originalProductionDate = request.originalProductionDate();
        fab.plannedProductionDate = request.plannedProductionDate() != null
                ? request.plannedProductionDate() : request.originalProductionDate();
        if (fab.plannedProductionDate != null && fab.originalProductionDate == null) {
            fab.originalProductionDate = fab.plannedProductionDate; // the first plan is the first promise
        }
        fab.sources = new ArrayList<>(request.sources());
        fab.version = 1;
        fab.createdAt = now;
        fab.updatedAt = now;
        DateRules.check(fab);
        return fabs.persist(fab).call(saved -> journal.announced(saved, actor));
    }

    @WithTransaction
    public Uni<Fab> reachMilestone(UUID id, long expectedVersion, MilestoneReached request, String actor) {
        return lockCurrent(id, expectedVersion).chain(fab -> {
            if (!FabLifecycle.canMove(fab.status, fab.pausedFrom, request.status())) {
                throw ProblemException.conflict("illegal-transition", "Illegal status transition",
                        FabLifecycle.whyNot(fab.status, fab.pausedFrom, request.status()));
            }
            DateRules.milestoneNotBeforeLast(fab, request.reachedOn());
            FabState before = fab.toState();
            FabStatus target = request.status();
            if (target == PAUSED) {
                fab.pausedFrom = fab.status;
            } else if (fab.status == PAUSED) {
                fab.pausedFrom = null;
            }
            fab.status = target;
            if (target == UNDER_CONSTRUCTION && fab.constructionStartOn == null) {
                fab.constructionStartOn = request.reachedOn();
            }
            if (target == VOLUME_PRODUCTION) {
                fab.actualProductionDate = request.reachedOn();
            }
            touch(fab);
            DateRules.check(fab);
            String type = switch (target) {
                case PAUSED -> FabTopics.FAB_PAUSED;
                case CANCELLED -> FabTopics.FAB_CANCELLED;
                default -> FabTopics.FAB_MILESTONE_REACHED;
            };
            return journal.changed(fab, before, type, actor, request.source(), request.note(), request.reachedOn())
                    .replaceWith(fab);
        });
    }

    @WithTransaction
    public Uni<Fab> delay(UUID id, long expectedVersion, Delay request, String actor) {
        return lockCurrent(id, expectedVersion).chain(fab -> {
            if (fab.status == VOLUME_PRODUCTION || fab.status == CANCELLED) {
                throw ProblemException.conflict("not-delayable", "Fab cannot be delayed",
                        "The fab is " + fab.status + ": there is no production date left to delay");
            }
            if (fab.plannedProductionDate != null && !request.plannedProductionDate().isAfter(fab.plannedProductionDate)) {
                throw ProblemException.unprocessable("not-a-delay", "Not a delay",
                        "A delay moves the planned date later than " + fab.plannedProductionDate,
                        List.of(new Problem.Violation("plannedProductionDate", "must be after " + fab.plannedProductionDate)));
            }
            FabState before = fab.toState();
            if (fab.originalProductionDate == null) {
                fab.originalProductionDate = request.plannedProductionDate();
            }
            fab.plannedProductionDate = request.plannedProductionDate();
            addSource(fab, request.source());
            touch(fab);
            DateRules.check(fab);
            return journal.changed(fab, before, FabTopics.FAB_DELAYED, actor, request.source(), request.reason(),
                    request.plannedProductionDate()).replaceWith(fab);
        });
    }

    @WithTransaction
    public Uni<Fab> revise(UUID id, long expectedVersion, FabRevision request, String actor) {
        if (request.capexUsd() == null && request.capacityWafersPerMonth() == null
                && request.operationsHeadcount() == null && request.constructionPeakHeadcount() == null) {
            return Uni.createFrom().failure(ProblemException.unprocessable("empty-revision", "Nothing to revise",
                    "Give at least one of capexUsd, capacityWafersPerMonth, operationsHeadcount, constructionPeakHeadcount",
                    List.of(new Problem.Violation("capacityWafersPerMonth", "one revised figure is required"))));
        }
        return lockCurrent(id, expectedVersion).chain(fab -> {
            if (fab.status == CANCELLED) {
                throw ProblemException.conflict("fab-cancelled", "Fab cancelled", "A cancelled fab cannot be revised");
            }
            FabState before = fab.toState();
            if (request.capexUsd() != null) {
                fab.capexUsd = Amounts.money(request.capexUsd());
            }
            if (request.capacityWafersPerMonth() != null) {
                fab.capacityWafersPerMonth = request.capacityWafersPerMonth();
            }
            if (request.operationsHeadcount() != null) {
                fab.operationsHeadcount = request.operationsHeadcount();
            }
            if (request.constructionPeakHeadcount() != null) {
                fab.constructionPeakHeadcount = request.constructionPeakHeadcount();
            }
            addSource(fab, request.source());
            touch(fab);
            return journal.changed(fab, before, FabTopics.FAB_REVISED, actor, request.source(), request.reason(), null)
                    .replaceWith(fab);
        });
    }

    public Uni<Fab> get(UUID id) {
        return fabs.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Fab", id));
    }

    public Uni<Page<Fab>> search(FabRepository.Filter filter, int page, int size) {
        return fabs.search(filter, page, size);
    }

    public Uni<List<FabChange>> timeline(UUID id) {
        return get(id).chain(fab -> changes.timeline(id));
    }

    private Uni<Fab> lockCurrent(UUID id, long expectedVersion) {
        return fabs.findForUpdate(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Fab", id))
                .invoke(fab -> ETags.requireCurrent("Fab " + id, fab.version, expectedVersion));
    }

    private static void addSource(Fab fab, io.chipbet.platform.contract.common.SourceRef source) {
        if (fab.sources.stream().noneMatch(existing -> existing.url().equals(source.url()))) {
            fab.sources.add(source);
        }
    }

    private static void touch(Fab fab) {
        fab.version++;
        fab.updatedAt = Amounts.now();
    }
}
