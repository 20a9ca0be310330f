package io.chipbet.projection.ingest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * Keeps the latest state per aggregate. One statement per batch; the version guard in the upsert
 * makes a duplicate, a replay or a stale event a no-op even if two writers raced.
 */
@ApplicationScoped
public class AggregateStore {

    /** Runs inside the caller's transaction. */
    public Uni<Integer> upsert(Collection<IncomingEvent> latestPerAggregate) {
        if (latestPerAggregate.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<IncomingEvent> events = List.copyOf(latestPerAggregate);
        StringJoiner rows = new StringJoiner(", ");
        for (int i = 0; i < events.size(); i++) {
            rows.add("(:t" + i + ", cast(:i" + i + " as uuid), :v" + i + ", cast(:e" + i + " as uuid), :d" + i + ", :a" + i + ")");
        }
        String sql = "insert into aggregate_state (aggregate_type, aggregate_id, version, event_id, data, applied_at) values "
                + rows + " on conflict (aggregate_type, aggregate_id) do update set version = excluded.version, "
                + "event_id = excluded.event_id, data = excluded.data, applied_at = excluded.applied_at "
                + "where aggregate_state.version < excluded.version";
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < events.size(); i++) {
                IncomingEvent event = events.get(i);
                query.setParameter("t" + i, event.aggregateType());
                query.setParameter("i" + i, event.aggregateId().toString());
                query.setParameter("v" + i, event.aggregateVersion());
                query.setParameter("e" + i, event.eventId().toString());
                query.setParameter("d" + i, event.rawData());
                query.setParameter("a" + i, now);
            }
            return query.executeUpdate();
        });
    }

    public Uni<List<AggregateState>> all() {
        return Panache.getSession().chain(session -> session.createQuery("from AggregateState", AggregateState.class).getResultList());
    }

    public Uni<Void> deleteAll() {
        return Panache.getSession().chain(session -> session.createMutationQuery("delete from AggregateState").executeUpdate())
                .replaceWithVoid();
    }
}
