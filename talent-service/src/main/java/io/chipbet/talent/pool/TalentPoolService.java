package io.chipbet.talent.pool;

import io.chipbet.platform.aggregate.AggregateWrites;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.platform.idempotency.UpdateRequest;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.platform.problem.ProblemException;
import io.chipbet.talent.Regions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** The pool use cases. Each owns its transaction: the change, its history entry and its event commit together or not at all. */
@ApplicationScoped
public class TalentPoolService {

    @Inject TalentPoolRepository pools;
    @Inject TalentPoolChangeRepository changes;
    @Inject AggregateWrites writes;

    /** One pool per region and role, and one all-roles pool per region. */
    @WithTransaction
    public Uni<Written> record(NewTalentPool request, WriteRequest write) {
        String region = Regions.code(request.region());
        return writes.create(write, request, () -> pools.find(region, request.role()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("pool-exists", "Talent pool exists",
                        "A pool for " + (request.role() == null ? "all roles" : request.role()) + " in " + region + " exists already: " + existing.id
                                + "; send an update to it instead");
            }
            TalentPool pool = new TalentPool();
            var recorded = pool.record(region, request);
            return pools.persist(pool).replaceWith(recorded);
        }), change -> new TalentPoolChange());
    }

    @WithTransaction
    public Uni<Written> update(UUID id, PoolUpdate request, UpdateRequest write) {
        return writes.update(write, request, expected -> pools.lockCurrent(id, expected).map(pool -> pool.update(request)),
                change -> new TalentPoolChange());
    }

    @WithSession
    public Uni<TalentPoolState> get(UUID id) {
        return pools.get(id).map(TalentPool::toState);
    }

    @WithSession
    public Uni<Page<TalentPoolState>> search(String region, TalentRole role, PageRequest paging) {
        return pools.search(region == null ? null : Regions.code(region), role, paging).map(found -> found.map(TalentPool::toState));
    }

    @WithSession
    public Uni<Page<PoolHistoryEntry>> history(UUID id, PageRequest paging) {
        return pools.get(id).chain(pool -> changes.history(id, paging)).map(entries -> entries.map(PoolHistoryEntry::of));
    }
}
