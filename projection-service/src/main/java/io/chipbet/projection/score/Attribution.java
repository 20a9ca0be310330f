package io.chipbet.projection.score;

import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import io.chipbet.projection.ingest.IncomingEvent;
import io.chipbet.projection.model.Coverage;
import io.chipbet.projection.model.Score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Which event moved the score, by how much, in words: "+0.80 capital: SoftBank Group commitment → DISBURSED". */
final class Attribution {

    private static final double EPSILON = 1e-9;
    private static final Pattern AGGREGATE_PREFIX = Pattern.compile("^(Commitment|Fab|TalentPool)");
    private static final Map<String, String> VERBS = new ConcurrentHashMap<>();

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
        point.description = describe(event, point, before, after);
        return point;
    }

    /** The point that moved the score most, or failing that a coverage most: the cause of a batch's change. */
    static ScorePoint largest(List<ScorePoint> points) {
        return points.stream().max(Comparator.comparingDouble((ScorePoint point) -> Math.abs(point.scoreDelta))
                .thenComparingDouble(Attribution::largestCoverageDelta)).orElseThrow();
    }

    private static double largestCoverageDelta(ScorePoint point) {
        return Math.max(Math.abs(point.capitalDelta), Math.max(Math.abs(point.capacityDelta), Math.abs(point.talentDelta)));
    }

    private static String describe(IncomingEvent event, ScorePoint point, Score before, Score after) {
        String driver = driver(point, before, after);
        double driverDelta = switch (driver) {
            case "capital" -> point.capitalDelta;
            case "capacity" -> point.capacityDelta;
            default -> point.talentDelta;
        };
        return signed(driverDelta) + " " + driver + ": " + subject(event);
    }

    /**
     * The coverage the event moved most: by its capped change; failing that (a coverage already past 1,
     * or one judged for the first time) by its uncapped ratio, so the words name what really moved.
     */
    private static String driver(ScorePoint point, Score before, Score after) {
        double[] capped = {Math.abs(point.capitalDelta), Math.abs(point.capacityDelta), Math.abs(point.talentDelta)};
        Coverage[] was = before == null ? new Coverage[3] : new Coverage[] {before.capital(), before.capacity(), before.talent()};
        Coverage[] is = {after.capital(), after.capacity(), after.talent()};
        int most = 0;
        double mostChange = -1;
        for (int i = 0; i < 3; i++) {
            Double ratioBefore = was[i] == null ? null : was[i].ratio();
            double change = capped[i] > EPSILON ? 1 + capped[i] // a capped change outranks any uncapped one
                    : different(ratioBefore, is[i].ratio()) ? Math.min(1, Math.abs(delta(ratioBefore, is[i].ratio())) + EPSILON) : 0;
            if (change > mostChange) {
                most = i;
                mostChange = change;
            }
        }
        return is[most].name();
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

    /** "CommitmentStatusChanged" -> "status changed"; there are few types, so each is worded once. */
    private static String verb(String type) {
        return VERBS.computeIfAbsent(type, name -> AGGREGATE_PREFIX.matcher(name).replaceFirst("")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT));
    }

    /** "+0.80", "-1.25": two decimals with a sign, as String.format("%+.2f") but without its cost per event. */
    static String signed(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        return (rounded.signum() < 0 ? "" : "+") + rounded.toPlainString();
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
