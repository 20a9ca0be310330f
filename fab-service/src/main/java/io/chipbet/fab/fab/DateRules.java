package io.chipbet.fab.fab;

import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The order a fab's dates must keep: nothing happens before the announcement, production does not
 * start before construction, and no date is earlier than the milestones already reached.
 */
public final class DateRules {

    private DateRules() {
    }

    public static void check(Fab fab) {
        List<Problem.Violation> violations = new ArrayList<>();
        notBefore(violations, "constructionStartOn", fab.constructionStartOn, "announcedOn", fab.announcedOn);
        notBefore(violations, "originalProductionDate", fab.originalProductionDate, "announcedOn", fab.announcedOn);
        notBefore(violations, "plannedProductionDate", fab.plannedProductionDate, "announcedOn", fab.announcedOn);
        notBefore(violations, "actualProductionDate", fab.actualProductionDate, "announcedOn", fab.announcedOn);
        notBefore(violations, "actualProductionDate", fab.actualProductionDate, "constructionStartOn", fab.constructionStartOn);
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("date-order", "Dates out of order",
                    "A fab's dates must follow each other: " + violations.get(0).message(), violations);
        }
    }

    /** A milestone cannot be reached before one already recorded. */
    public static void milestoneNotBeforeLast(Fab fab, LocalDate reachedOn) {
        LocalDate last = latest(fab.announcedOn, fab.constructionStartOn, fab.actualProductionDate);
        if (reachedOn.isBefore(last)) {
            throw ProblemException.unprocessable("date-order", "Dates out of order",
                    "This milestone is dated " + reachedOn + ", before the fab's last recorded date " + last,
                    List.of(new Problem.Violation("reachedOn", "must not be before " + last)));
        }
    }

    private static void notBefore(List<Problem.Violation> violations, String field, LocalDate date,
                                  String earlierField, LocalDate earlier) {
        if (date != null && earlier != null && date.isBefore(earlier)) {
            violations.add(new Problem.Violation(field, field + " " + date + " is before " + earlierField + " " + earlier));
        }
    }

    private static LocalDate latest(LocalDate... dates) {
        LocalDate latest = null;
        for (LocalDate date : dates) {
            if (date != null && (latest == null || date.isAfter(latest))) {
                latest = date;
            }
        }
        return latest;
    }
}
