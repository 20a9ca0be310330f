package io.chipbet.projection.score;

import io.chipbet.projection.ingest.IncomingEvent;

import java.util.List;

/**
 * What moved the record since the last published simulation, for the cause of the next one ("-10,000 wpm P50:
 * README example fab cancelled"). The event that moved the median-input path most is named; failing that, the last
 * event applied, since an event can move the simulated distribution without moving its median-input path (a fab
 * whose central date is past the horizon, cancelled). Confined as ScoreBoard's other record fields are.
 */
final class CauseSinceSimulation {

    /** The point that moved the median-input path most since the last simulation, over every batch. */
    private ScorePoint moved;
    private String applied;
    /** Events applied since the last simulation, the named one included. */
    private int count;

    /**
     * A batch was applied: the point of it that moved the median-input path most ({@link Attribution#largest}, null if
     * none moved it), and every event of it newer than the record.
     */
    void applied(ScorePoint largestOfBatch, List<IncomingEvent> events) {
        if (largestOfBatch != null) {
            moved = moved == null ? largestOfBatch : Attribution.largest(List.of(moved, largestOfBatch));
        } else if (!events.isEmpty()) {
            applied = Attribution.subject(events.get(events.size() - 1));
        }
        count += events.size();
    }

    /** The cause of a simulation that moved the answer by {@code figures}. */
    String describe(String figures) {
        int others = count - 1;
        String subject = moved != null ? subjectOf(moved.description)
                : applied == null ? null
                : others == 0 ? applied : applied + " and " + others + (others == 1 ? " other change" : " other changes");
        return subject == null ? figures : figures + ": " + subject;
    }

    /** Once that simulation is published: the next one starts from nothing. */
    void forget() {
        moved = null;
        applied = null;
        count = 0;
    }

    /** "-12,000 wpm (-0.24 fabs' worth) deliverable: Samsung Taylor delayed" -> "Samsung Taylor delayed". */
    private static String subjectOf(String description) {
        int colon = description.indexOf(": ");
        return colon < 0 ? description : description.substring(colon + 2);
    }
}
