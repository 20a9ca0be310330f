package io.chipbet.platform.aggregate;

import io.chipbet.platform.api.ETags;
import io.chipbet.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/** Persistence of one kind of aggregate: what every update reads first, written once. */
public interface AggregateRepository<E extends Aggregate<?>> extends PanacheRepositoryBase<E, UUID> {

    /** How its problems name it, e.g. {@code Fab}, {@code Talent pool}. */
    String aggregateName();

    /** The aggregate, or a 404 problem. */
    default Uni<E> get(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound(aggregateName(), id));
    }

    /**
     * The aggregate, its row locked until the transaction ends (concurrent changes queue instead of
     * overwriting each other), if it is at the version the client last saw: else 404 or 412.
     */
    default Uni<E> lockCurrent(UUID id, long expectedVersion) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(aggregateName(), id))
                .invoke(aggregate -> ETags.requireCurrent(aggregateName() + " " + id, aggregate.version, expectedVersion));
    }
}
