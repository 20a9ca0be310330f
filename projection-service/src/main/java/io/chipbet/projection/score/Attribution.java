package io.chipbet.projection.score;

import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import io.chipbet.projection.ingest.IncomingEvent;
import io.chipbet.projection.model.Point;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which event moved the answer, by how much, in words: "-12,000 wpm (-0.24 fabs' worth) deliverable:
 * Samsung Taylor delayed (UNDER_CONSTRUCTION, production 2027-06-30)". Figures are the median-input
 * path's, in wafers a month at the horizon.
 */
final class Attribution {

    private static final Pattern AGGREGATE_PREFIX = Pattern.compile("^(Commitment|Fab|TalentPool|TrainingProgram|ShortfallEstimate)");
    private static final Map<String, String> VERBS = new ConcurrentHashMap<>();

    private Attribution() {
    }

    static ScorePoint point(IncomingEvent event, Point before, Point after, double nameplateWpm) {
        ScorePoint point = new ScorePoint();
        point.at = event.occurredAt();
        point.eventId = event.eventId();
        point.eventType = event.type();
        point.aggregateType = event.aggregateType();
        point.aggregateId = event.aggregateId();
        point.deliverableBefore = before.deliverable();
        point.deliverableAfter = after.deliverable();
        point.deliverableDelta = after.deliverable() - before.deliverable();
        point.fabsDelta = after.fabs() - before.fabs();
        point.capitalDelta = after.capital() - before.capital();
        point.talentDelta = after.talent() - before.talent();
        point.bindingConstraint = after.binding().isEmpty() ? "none" : String.join("+", after.binding());
        point.description = describe(event, point, nameplateWpm);
        return point;
    }

    /** The point that moved the deliverable capacity most, or failing that a supply most: the cause of a batch's change. */
    static ScorePoint largest(List<ScorePoint> points) {
        return points.stream().max(Comparator.comparingDouble((ScorePoint point) -> Math.abs(point.deliverableDelta))
                .thenComparingDouble(Attribution::largestSupplyDelta)).orElseThrow();
    }

    private static double largestSupplyDelta(ScorePoint point) {
        return Math.max(Math.abs(point.fabsDelta), Math.max(Math.abs(point.capitalDelta), Math.abs(point.talentDelta)));
    }

    private static String describe(IncomingEvent event, ScorePoint point, double nameplateWpm) {
        String driver = "deliverable";
        double delta = point.deliverableDelta;
        if (Math.abs(delta) < 1e-6) {
            double[] deltas = {point.fabsDelta, point.capitalDelta, point.talentDelta};
            String[] names = {"fabs", "capital", "talent"};
            int most = 0;
            for (int i = 1; i < 3; i++) {
                if (Math.abs(deltas[i]) > Math.abs(deltas[most])) {
                    most = i;
                }
            }
            driver = names[most];
            delta = deltas[most];
        }
        return wpm(delta) + " (" + signed(delta / nameplateWpm, 2) + " fabs' worth) " + driver + ": " + subject(event);
    }

    static String subject(IncomingEvent event) {
        Object state = event.state();
        if (state instanceof CommitmentState c) {
            return c.investor().name() + " commitment " + verb(event.type()) + " (" + c.status() + ", " + c.purpose() + ")";
        }
        if (state instanceof FabState f) {
            String date = f.actualProductionDate() != null ? ", producing since " + f.actualProductionDate()
                    : f.plannedProductionDate() != null ? ", production " + f.plannedProductionDate() : "";
            return f.name() + " " + verb(event.type()) + " (" + f.status() + date + ")";
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

    /** "+12,000 wpm", "-350 wpm": whole wafers a month with a sign. */
    static String wpm(double value) {
        long rounded = Math.round(value);
        return (rounded < 0 ? "-" : "+") + String.format(Locale.ROOT, "%,d", Math.abs(rounded)) + " wpm";
    }

    /** "+0.80", "-1.25": a sign and fixed decimals, as String.format("%+.2f") but without its cost per event. */
    static String signed(double value, int decimals) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        return (rounded.signum() < 0 ? "" : "+") + rounded.toPlainString();
    }
}
