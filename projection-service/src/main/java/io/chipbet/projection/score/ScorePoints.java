package io.chipbet.projection.score;

import io.chipbet.platform.api.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;

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

    static Uni<List<ScorePoint>> between(Instant from, Instant to) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from ScorePoint where at >= :from and at <= :to order by at, id", ScorePoint.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(100_000).getResultList());
    }

    static Uni<Page<ScorePoint>> page(boolean largestFirst, int page, int size) {
        String order = largestFirst ? "order by abs(scoreDelta) desc, id desc" : "order by id desc";
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from ScorePoint " + order, ScorePoint.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList()
                .chain(items -> session.createSelectionQuery("select count(p) from ScorePoint p", Long.class).getSingleResult()
                        .map(total -> Page.of(items, page, size, total))));
    }

    static Uni<Void> deleteAll() {
        return Panache.getSession().chain(session -> session.createMutationQuery("delete from ScorePoint").executeUpdate())
                .replaceWithVoid();
    }
}
