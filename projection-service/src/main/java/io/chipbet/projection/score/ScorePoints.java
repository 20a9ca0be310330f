package io.chipbet.projection.score;

import io.chipbet.platform.api.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Queries over the score history. Call inside a session. */
final class ScorePoints {

    private ScorePoints() {
    }

    record Latest(ScorePoint point, long count) {
    }

    static Uni<Latest> latest() {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select count(p) from ScorePoint p", Long.class).getSingleResult()
                .chain(count -> count == 0 ? Uni.createFrom().nullItem()
                        : session.createSelectionQuery("from ScorePoint order by id desc", ScorePoint.class)
                        .setMaxResults(1).getSingleResult().map(point -> new Latest(point, count))));
    }

    /**
     * The points between {@code from} and {@code to}, newest first, a page at a time; with a bucket
     * ({@link Bucket}, in UTC), the last point of each bucket only. Paged in the database, so that no
     * point is ever left out: the total says how many there are.
     */
    static Uni<Page<ScorePoint>> history(Instant from, Instant to, Bucket bucket, int page, int size) {
        String window = "at >= :from and at <= :to";
        String truncated = bucket == null ? null : "date_trunc('" + bucket.unit + "', at at time zone 'UTC')";
        String points = bucket == null ? "select * from score_point where " + window
                : "select distinct on (" + truncated + ") * from score_point where " + window + " order by " + truncated + " desc, at desc, id desc";
        String count = bucket == null ? "select count(*) from score_point where " + window
                : "select count(distinct " + truncated + ") from score_point where " + window;
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select * from (" + points + ") p order by at desc, id desc offset :offset limit :limit", ScorePoint.class)
                .setParameter("from", from.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC))
                .setParameter("offset", (long) page * size).setParameter("limit", size).getResultList()
                .chain(items -> session.createNativeQuery(count, Long.class)
                        .setParameter("from", from.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC)).getSingleResult()
                        .map(total -> Page.of(items, page, size, total))));
    }

    /** The buckets of a downsampled history; the unit is PostgreSQL's (date_trunc). */
    enum Bucket {
        MINUTE("minute"), HOUR("hour"), DAY("day");

        final String unit;

        Bucket(String unit) {
            this.unit = unit;
        }
    }

    static Uni<Page<ScorePoint>> page(boolean largestFirst, int page, int size) {
        String order = largestFirst ? "order by abs(deliverableDelta) desc, id desc" : "order by id desc";
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from ScorePoint " + order, ScorePoint.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList()
                .chain(items -> session.createSelectionQuery("select count(p) from ScorePoint p", Long.class).getSingleResult()
                        .map(total -> Page.of(items, page, size, total))));
    }

    private static final String INSERT = """
            insert into score_point (id, at, event_id, event_type, aggregate_type, aggregate_id, description, deliverable_before,
                deliverable_after, deliverable_delta, fabs_delta, capital_delta, talent_delta, binding_constraint)
            select nextval('score_point_seq'), u.at, u.event_id, u.event_type, u.aggregate_type, u.aggregate_id, u.description,
                u.deliverable_before, u.deliverable_after, u.deliverable_delta, u.fabs_delta, u.capital_delta, u.talent_delta,
                u.binding_constraint
            from unnest(cast(cast(:at as text[]) as timestamptz[]), cast(:eventId as uuid[]), cast(:eventType as text[]),
                        cast(:aggregateType as text[]), cast(:aggregateId as uuid[]), cast(:description as text[]),
                        cast(:before as float8[]), cast(:after as float8[]), cast(:delta as float8[]),
                        cast(:fabsDelta as float8[]), cast(:capitalDelta as float8[]), cast(:talentDelta as float8[]),
                        cast(:binding as text[]))
                as u(at, event_id, event_type, aggregate_type, aggregate_id, description, deliverable_before, deliverable_after,
                     deliverable_delta, fabs_delta, capital_delta, talent_delta, binding_constraint)""";

    /**
     * All of a batch's points in one statement, its columns bound as arrays: one round trip and one
     * plan whatever the batch size. Ids follow the list order: unnest yields the arrays
     * in order, and nextval is taken row by row as they come.
     */
    static Uni<Void> insertAll(List<ScorePoint> points) {
        if (points.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = points.size();
        String[] at = new String[n]; // an Instant[] is not bound by the reactive client: ISO text, cast in SQL
        UUID[] eventId = new UUID[n], aggregateId = new UUID[n];
        String[] eventType = new String[n], aggregateType = new String[n], description = new String[n], binding = new String[n];
        Double[] before = new Double[n], after = new Double[n], delta = new Double[n], fabsDelta = new Double[n],
                capitalDelta = new Double[n], talentDelta = new Double[n];
        for (int i = 0; i < n; i++) {
            ScorePoint point = points.get(i);
            at[i] = point.at.toString();
            eventId[i] = point.eventId;
            eventType[i] = point.eventType;
            aggregateType[i] = point.aggregateType;
            aggregateId[i] = point.aggregateId;
            description[i] = point.description;
            before[i] = point.deliverableBefore;
            after[i] = point.deliverableAfter;
            delta[i] = point.deliverableDelta;
            fabsDelta[i] = point.fabsDelta;
            capitalDelta[i] = point.capitalDelta;
            talentDelta[i] = point.talentDelta;
            binding[i] = point.bindingConstraint;
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("at", at).setParameter("eventId", eventId).setParameter("eventType", eventType)
                .setParameter("aggregateType", aggregateType).setParameter("aggregateId", aggregateId)
                .setParameter("description", description).setParameter("before", before).setParameter("after", after)
                .setParameter("delta", delta).setParameter("fabsDelta", fabsDelta).setParameter("capitalDelta", capitalDelta)
                .setParameter("talentDelta", talentDelta).setParameter("binding", binding)
                .executeUpdate()).replaceWithVoid();
    }

    static Uni<Void> deleteAll() {
        return Panache.getSession().chain(session -> session.createNativeQuery("truncate score_point").executeUpdate()) // as AggregateStore.deleteAll
                .replaceWithVoid();
    }
}
