package io.chipbet.projection.score;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The last score change published for a plan: its version, as-of time and cause. It survives a
 * rebuild, so the version of FeasibilityChanged events only ever grows and subscribers that keep the
 * newest version never mistake a rebuilt score for a stale one.
 */
@Entity
@Table(name = "score_version")
public class ScoreVersion {

    private static final String SAVE = """
            insert into score_version (plan_id, version, as_of, cause, changes) values (:plan, :version, :asOf, :cause, :changes)
            on conflict (plan_id) do update set version = excluded.version, as_of = excluded.as_of, cause = excluded.cause,
                changes = excluded.changes""";

    @Id
    @Column(name = "plan_id")
    public String planId;

    @Column(nullable = false)
    public long version;

    @Column(name = "as_of")
    public Instant asOf;

    @Column(length = 1000)
    public String cause;

    @Column(nullable = false)
    public int changes;

    /** Call inside a session; null before the first change. */
    static Uni<ScoreVersion> of(String planId) {
        return Panache.getSession().chain(session -> session.find(ScoreVersion.class, planId));
    }

    /** Call inside the transaction that publishes the change. */
    static Uni<Void> save(Feasibility published) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SAVE)
                .setParameter("plan", published.planId())
                .setParameter("version", published.version())
                .setParameter("asOf", published.asOf())
                .setParameter("cause", published.cause())
                .setParameter("changes", published.changes())
                .executeUpdate()).replaceWithVoid();
    }
}
