package io.chipbet.projection.score;

import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import io.chipbet.projection.ingest.IncomingEvent;
import io.chipbet.projection.model.Score;

import java.util.Locale;
import java.util.Objects;

/** Which event moved the score, by how much, in words: "+0.80 capital: SoftBank Group commitment → DISBURSED". */
final class Attribution {

    private static final double EPSILON = 1e-9;

    private Attribution() {
    }

    static boolean moved(Score before, Score after) {
        return before == null || different(before.score(), after.score())
                || different(before.capital().ratio(), after.capital().ratio())
                || different(before.capacity().ratio(), after.capacity().ratio())
                || different(before.talent().ratio(), after.talent().ratio());
    }

    static ScorePoint point(IncomingEvent event, Score before, Score after) {
        ScorePoint point = new ScorePoint();
        point.at = event.occurredAt();
        point.eventId = event.eventId();
        point.eventType = event.type();
        point.aggregateType = event.aggregateType();
        point.aggregateId = event.aggregateId();
        point.scoreBefore = before == null ? null : before.score();
        point.scoreAfter = after.score();
        point.scoreDelta = delta(point.scoreBefore, point.scoreAfter);
        point.capitalDelta = 100 * delta(before == null ? null : before.capital().capped(), after.capital().capped());
        point.capacityDelta = 100 * delta(before == null ? null : before.capacity().capped(), after.capacity().capped());
        point.talentDelta = 100 * delta(before == null ? null : before.talent().capped(), after.talent().capped());
        point.bindingConstraint = after.bindingConstraint();
        point.description = describe(event, point, after);
        return point;
    }

    private static String describe(IncomingEvent event, ScorePoint point, Score after) {
        String driver = largest(point);
        double driverDelta = switch (driver) {
            case "capital" -> point.capitalDelta;
            case "capacity" -> point.capacityDelta;
            default -> point.talentDelta;
        };
        return String.format(Locale.ROOT, "%+.2f %s: %s", driverDelta, driver, subject(event));
    }

    private static String largest(ScorePoint point) {
        double capital = Math.abs(point.capitalDelta);
        double capacity = Math.abs(point.capacityDelta);
        double talent = Math.abs(point.talentDelta);
        if (capital >= capacity && capital >= talent) {
            return "capital";
        }
        return capacity >= talent ? "capacity" : "talent";
    }

    private static String subject(IncomingEvent event) {
        Object state = event.state();
        if (state instanceof CommitmentState c) {
            return c.investor().name() + " commitment " + verb(event.type()) + " (" + c.status() + ", " + c.purpose() + ")";
        }
        if (state instanceof FabState f) {
            return f.name() + " " + verb(event.type()) + " (" + f.status() + ")";
        }
        if (state instanceof TalentPoolState p) {
            return p.region() + " " + (p.role() == null ? "all-roles" : p.role()) + " pool " + verb(event.type());
        }
        if (state instanceof TrainingProgramState t) {
            return "training program '" + t.name() + "' launched";
        }
        if (state instanceof ShortfallEstimateState e) {
            return "shortfall estimate for " + e.region() + " " + e.targetYear() + " published";
        }
        return event.type();
    }

    /** "CommitmentStatusChanged" -> "status changed". */
    private static String verb(String type) {
        String words = type.replaceFirst("^(Commitment|Fab|TalentPool)", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return words.toLowerCase(Locale.ROOT);
    }

    private static double delta(Double before, Double after) {
        return (after == null ? 0 : after) - (before == null ? 0 : before);
    }

    private static boolean different(Double a, Double b) {
        if (a == null || b == null) {
            return !Objects.equals(a, b);
        }
        return Math.abs(a - b) > EPSILON;
    }

}
