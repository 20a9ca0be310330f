package io.chipbet.talent.pool;

import io.chipbet.platform.api.Amounts;
import io.chipbet.platform.api.ETags;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.platform.contract.talent.TalentTopics;
import io.chipbet.platform.history.ChangeJournal;
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

/** The pool use cases. Each change, its history entry and its event commit together or not at all. */
@ApplicationScoped
public class TalentPoolService {

    private final TalentPoolRepository pools;
    private final TalentPoolChangeRepository changes;
    private final ChangeJournal journal;

    public TalentPoolService(TalentPoolRepository pools, TalentPoolChangeRepository changes, ChangeJournal journal) {
        this.pools = pools;
        this.changes = changes;
        this.journal = journal;
    }

    /** Runs inside the caller's transaction (see Idempotency). */
    public Uni<TalentPool> record(NewTalentPool request, String actor) {
        String region = request.region().trim().toUpperCase(Locale.ROOT);
        return pools.find(region, request.role()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("pool-exists", "Talent pool exists",
                        "A pool for " + (request.role() == null ? "all roles" : request.role()) + " in " + region + " exists already: " + existing.id
                                + "; send an update to it instead");
            }
            Instant now = Amounts.now();
            TalentPool pool = new TalentPool();
            pool.id = UUID.randomUUID();
            pool.region = region;
            pool.role = request.role();
            pool.asOfYear = request.asOfYear();
            pool.headcount = request.headcount();
            pool.annualPipeline = request.annualPipeline();
            pool.attritionRate = Amounts.rate(request.attritionRate());
            pool.sources = new ArrayList<>(request.sources());
            pool.version = 1;
            pool.createdAt = now;
            pool.updatedAt = now;
            return pools.persist(pool).call(saved -> journal(saved, null, TalentTopics.TALENT_POOL_RECORDED, actor,
                    saved.sources.get(0), null));
        });
    }

    @WithTransaction
    public Uni<TalentPool> update(UUID id, long expectedVersion, PoolUpdate request, String actor) {
        if (request.asOfYear() == null && request.headcount() == null && request.annualPipeline() == null
                && request.attritionRate() == null) {
            return Uni.createFrom().failure(ProblemException.unprocessable("empty-update", "Nothing to update",
                    "Give at least one of asOfYear, headcount, annualPipeline, attritionRate",
                    List.of(new Problem.Violation("headcount", "one updated figure is required"))));
        }
        return pools.findForUpdate(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Talent pool", id))
                .invoke(pool -> ETags.requireCurrent("Talent pool " + id, pool.version, expectedVersion))
                .chain(pool -> {
                    TalentPoolState before = pool.toState();
                    if (request.asOfYear() != null) {
                        pool.asOfYear = request.asOfYear();
                    }
                    if (request.headcount() != null) {
                        pool.headcount = request.headcount();
                    }
                    if (request.annualPipeline() != null) {
                        pool.annualPipeline = request.annualPipeline();
                    }
                    if (request.attritionRate() != null) {
                        pool.attritionRate = Amounts.rate(request.attritionRate());
                    }
                    if (pool.sources.stream().noneMatch(source -> source.url().equals(request.source().url()))) {
                        pool.sources.add(request.source());
                    }
                    pool.version++;
                    pool.updatedAt = Amounts.now();
                    return journal(pool, before, TalentTopics.TALENT_POOL_UPDATED, actor, request.source(), request.reason())
                            .replaceWith(pool);
                });
    }

    public Uni<TalentPool> get(UUID id) {
        return pools.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Talent pool", id));
    }

    public Uni<List<TalentPool>> search(String region, TalentRole role) {
        return pools.search(region == null ? null : region.trim().toUpperCase(Locale.ROOT), role);
    }

    public Uni<List<TalentPoolChange>> history(UUID id) {
        return get(id).chain(pool -> changes.history(id));
    }

    private Uni<Void> journal(TalentPool pool, TalentPoolState before, String type, String actor, SourceRef source, String note) {
        return journal.record(new TalentPoolChange(), new ChangeJournal.Change<>(TalentTopics.POOLS, TalentTopics.POOL, pool.id,
                pool.version, type, actor, pool.updatedAt, before, pool.toState(), source, note)).replaceWithVoid();
    }
}
