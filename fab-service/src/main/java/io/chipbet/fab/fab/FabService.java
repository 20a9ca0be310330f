package io.chipbet.fab.fab;

import io.chipbet.platform.aggregate.AggregateWrites;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.idempotency.UpdateRequest;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** The fab use cases. Each owns its transaction: the change, its timeline entry and its event commit together or not at all. */
@ApplicationScoped
public class FabService {

    @Inject FabRepository fabs;
    @Inject FabChangeRepository changes;
    @Inject AggregateWrites writes;

    @WithTransaction
    public Uni<Written> announce(NewFab request, WriteRequest write) {
        return writes.create(write, request, fabs, new Fab(), fab -> fab.announce(request), FabChange::of);
    }

    @WithTransaction
    public Uni<Written> move(UUID id, FabStatusChange request, UpdateRequest write) {
        return writes.update(write, request, expected -> fabs.lockCurrent(id, expected).map(fab -> fab.move(request)), FabChange::of);
    }

    @WithTransaction
    public Uni<Written> delay(UUID id, Delay request, UpdateRequest write) {
        return writes.update(write, request, expected -> fabs.lockCurrent(id, expected).map(fab -> fab.delay(request)), FabChange::of);
    }

    @WithTransaction
    public Uni<Written> revise(UUID id, FabRevision request, UpdateRequest write) {
        return writes.update(write, request, expected -> fabs.lockCurrent(id, expected).map(fab -> fab.revise(request)), FabChange::of);
    }

    @WithSession
    public Uni<FabState> get(UUID id) {
        return fabs.get(id).map(Fab::toState);
    }

    @WithSession
    public Uni<Page<FabState>> search(FabRepository.Filter filter, PageRequest paging) {
        return fabs.search(filter, paging).map(found -> found.map(Fab::toState));
    }

    @WithSession
    public Uni<Page<TimelineEntry>> timeline(UUID id, PageRequest paging) {
        return fabs.get(id).chain(fab -> changes.history(id, paging)).map(entries -> entries.map(TimelineEntry::of));
    }
}
