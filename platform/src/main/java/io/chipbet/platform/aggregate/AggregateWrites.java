package io.chipbet.platform.aggregate;

import io.chipbet.platform.contract.common.AggregateSnapshot;
import io.chipbet.platform.history.Change;
import io.chipbet.platform.history.ChangeEntry;
import io.chipbet.platform.history.ChangeJournal;
import io.chipbet.platform.idempotency.Idempotency;
import io.chipbet.platform.idempotency.UpdateRequest;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The two writes every producing service makes, written once: an idempotent creation and an
 * idempotent update of an aggregate, each journaled (history entry and event) in the service's
 * transaction. A service's use case is {@code @WithTransaction} and hands over the rest:
 *
 * <pre>
 * &#64;WithTransaction
 * public Uni&lt;Written&gt; delay(UUID id, Delay request, UpdateRequest write) {
 *     return writes.update(write, request, expected -&gt; fabs.lockCurrent(id, expected).map(fab -&gt; fab.delay(request)), FabChange::of);
 * }
 * </pre>
 */
@ApplicationScoped
public class AggregateWrites {

    private final Idempotency idempotency;
    private final ChangeJournal journal;
    private final SecurityIdentity identity;

    public AggregateWrites(Idempotency idempotency, ChangeJournal journal, SecurityIdentity identity) {
        this.idempotency = idempotency;
        this.journal = journal;
        this.identity = identity;
    }

    /**
     * Creates once per Idempotency-Key: 201 with the new aggregate's state.
     *
     * @param creation persists the new aggregate and returns its first event
     * @param history  the history entry of the event; null for an aggregate that keeps no history
     */
    public <S extends Record & AggregateSnapshot> Uni<Written> create(WriteRequest write, Object request,
                                                                      Supplier<Uni<Change<S>>> creation,
                                                                      Function<Change<S>, ? extends ChangeEntry> history) {
        return idempotency.create(write, request, () -> creation.get().call(change -> journal(change, history))
                .map(change -> Written.created(write.locationOf(change.aggregateId()), change.after(), change.version())));
    }

    /**
     * Creates once per Idempotency-Key, the common case: a new aggregate that needs nothing looked up
     * first. {@code creation} fills in {@code aggregate} and returns its first event; it is then persisted.
     */
    public <E, S extends Record & AggregateSnapshot> Uni<Written> create(WriteRequest write, Object request,
                                                                         PanacheRepositoryBase<E, UUID> repository, E aggregate,
                                                                         Function<E, Change<S>> creation,
                                                                         Function<Change<S>, ? extends ChangeEntry> history) {
        return create(write, request, () -> {
            Change<S> created = creation.apply(aggregate);
            return repository.persist(aggregate).replaceWith(created);
        }, history);
    }

    /**
     * Updates once per Idempotency-Key: 200 with the aggregate's new state.
     *
     * @param update given the version the client expects (If-Match), locks the aggregate at that
     *               version ({@link AggregateRepository#lockCurrent}) and returns the event of its change
     */
    public <S extends Record & AggregateSnapshot> Uni<Written> update(UpdateRequest write, Object request,
                                                                      LongFunction<Uni<Change<S>>> update,
                                                                      Function<Change<S>, ? extends ChangeEntry> history) {
        return idempotency.update(write, request, expected -> update.apply(expected).call(change -> journal(change, history))
                .map(change -> Written.updated(write.locationOf(change.aggregateId()), change.after(), change.version())));
    }

    private <S extends Record & AggregateSnapshot> Uni<Void> journal(Change<S> change, Function<Change<S>, ? extends ChangeEntry> history) {
        return journal.record(change, history == null ? null : history.apply(change), identity.getPrincipal().getName());
    }
}
