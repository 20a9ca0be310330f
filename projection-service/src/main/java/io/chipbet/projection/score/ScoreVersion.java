package io.chipbet.projection.score;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The last answer published for a plan: its version, as-of time, cause and simulated figures. It survives a
 * rebuild, so the version of FeasibilityChanged events only ever grows and subscribers that keep the
 * newest version never mistake a rebuilt score for a stale one.
 */
@Entity
@Table(name = "score_version")
public class ScoreVersion {

    private static final String SAVE = """
            insert into score_version (plan_id, version, as_of, cause, changes, probability, deliverable_p10, deliverable_p50,
                deliverable_p90)
            values (:plan, :version, :asOf, :cause, :changes, cast(:probability as float8), cast(:p10 as float8), cast(:p50 as float8),
                cast(:p90 as float8))
            on conflict (plan_id) do update set version = excluded.version, as_of = excluded.as_of, cause = excluded.cause,
                changes = excluded.changes, probability = excluded.probability, deliverable_p10 = excluded.deliverable_p10,
                deliverable_p50 = excluded.deliverable_p50, deliverable_p90 = excluded.deliverable_p90""";

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

    /** The simulated figures last published: a restart that simulates the same record publishes nothing new. */
    public Double probability;

    @Column(name = "deliverable_p10")
    public Double deliverableP10;

    @Column(name = "deliverable_p50")
    public Double deliverableP50;

    @Column(name = "deliverable_p90")
    public Double deliverableP90;

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
                .setParameter("probability", published.probability())
                .setParameter("p10", published.deliverable() == null ? null : published.deliverable().wpm().p10())
                .setParameter("p50", published.deliverable() == null ? null : published.deliverable().wpm().p50())
                .setParameter("p90", published.deliverable() == null ? null : published.deliverable().wpm().p90())
                .executeUpdate()).replaceWithVoid();
    }
}
