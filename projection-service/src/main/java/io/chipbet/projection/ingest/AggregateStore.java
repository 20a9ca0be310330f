package io.chipbet.projection.ingest;

import io.chipbet.platform.persistence.Transactions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Keeps the latest state per aggregate. One statement per batch; the version guard in the upsert
 * makes a duplicate, a replay or a stale event a no-op even if two writers raced.
 */
@ApplicationScoped
public class AggregateStore {

    private static final String UPSERT = """
            insert into aggregate_state (aggregate_type, aggregate_id, version, event_id, event, applied_at)
            select u.t, u.i, u.v, u.e, u.d, now()
            from unnest(cast(:types as text[]), cast(cast(:ids as text[]) as uuid[]), cast(:versions as bigint[]),
                        cast(cast(:eventIds as text[]) as uuid[]), cast(:events as text[])) as u(t, i, v, e, d)
            on conflict (aggregate_type, aggregate_id) do update
                set version = excluded.version, event_id = excluded.event_id, event = excluded.event, applied_at = excluded.applied_at
                where aggregate_state.version < excluded.version""";

    /** Inside the caller's transaction (fails at once outside one). At most one event per aggregate: an upsert touches each row once. */
    public Uni<Integer> upsert(Collection<IncomingEvent> latestPerAggregate) {
        if (latestPerAggregate.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = latestPerAggregate.size();
        String[] types = new String[n];
        String[] ids = new String[n];
        Long[] versions = new Long[n];
        String[] eventIds = new String[n];
        String[] events = new String[n];
        int i = 0;
        for (IncomingEvent event : latestPerAggregate) {
            types[i] = event.aggregateType();
            ids[i] = event.aggregateId().toString();
            versions[i] = event.aggregateVersion();
            eventIds[i] = event.eventId().toString();
            events[i] = event.json();
            i++;
        }
        return Transactions.required("AggregateStore.upsert").chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("types", types).setParameter("ids", ids).setParameter("versions", versions)
                .setParameter("eventIds", eventIds).setParameter("events", events).executeUpdate());
    }

    private static final String APPEND = """
            insert into applied_event (aggregate_type, aggregate_id, version, effective_on, event)
            select u.t, u.i, u.v, u.d, u.e
            from unnest(cast(:types as text[]), cast(cast(:ids as text[]) as uuid[]), cast(:versions as bigint[]),
                        cast(cast(:dates as text[]) as date[]), cast(:events as text[])) as u(t, i, v, d, e)""";

    /**
     * Inside the caller's transaction (fails at once outside one): every applied event, kept whole with its news date,
     * for the answer as of a day (news time). One statement a batch, into a log without indexes (migration V9): the
     * caller appends only events newer than what it holds.
     */
    public Uni<Integer> appendEvents(List<IncomingEvent> applied) {
        if (applied.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = applied.size();
        String[] types = new String[n];
        String[] ids = new String[n];
        Long[] versions = new Long[n];
        String[] dates = new String[n];
        String[] events = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingEvent event = applied.get(i);
            types[i] = event.aggregateType();
            ids[i] = event.aggregateId().toString();
            versions[i] = event.aggregateVersion();
            dates[i] = event.effectiveOn().toString();
            events[i] = event.json();
        }
        return Transactions.required("AggregateStore.appendEvents").chain(session -> session.createNativeQuery(APPEND)
                .setParameter("types", types).setParameter("ids", ids).setParameter("versions", versions)
                .setParameter("dates", dates).setParameter("events", events).executeUpdate());
    }

    /** Every applied event, in news-date order: what the history in news time is swept from. */
    public Uni<List<Object[]>> eventsByNewsDate() {
        return eventsByNewsDateUpTo(LocalDate.MAX);
    }

    /** The applied events whose news date is on or before {@code date}, in news-date order: the record as it stood that day. */
    public Uni<List<Object[]>> eventsByNewsDateUpTo(LocalDate date) {
        String upTo = date.equals(LocalDate.MAX) ? "" : "where effective_on <= :date ";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery("select effective_on, aggregate_type, aggregate_id, version, event from applied_event "
                    + upTo + "order by effective_on, aggregate_type, aggregate_id, version", Object[].class);
            return (upTo.isEmpty() ? query : query.setParameter("date", date)).getResultList();
        });
    }

    public Uni<List<AggregateState>> all() {
        return Panache.getSession().chain(session -> session.createQuery("from AggregateState", AggregateState.class).getResultList());
    }

    /**
     * Inside the caller's transaction (fails at once outside one): a rebuild forgets every state and every applied event.
     * Truncated, not deleted row by row: a replay of a million events would otherwise first delete a million rows and
     * leave them to vacuum. (TRUNCATE is transactional in PostgreSQL: a failed rebuild keeps them.)
     */
    public Uni<Void> deleteAll() {
        return Transactions.required("AggregateStore.deleteAll")
                .chain(session -> session.createNativeQuery("truncate aggregate_state, applied_event").executeUpdate())
                .replaceWithVoid();
    }
}
