package io.chipbet.platform.event;

import io.chipbet.platform.api.SaneDate;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import io.smallrye.common.vertx.ContextLocals;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * When a fact became known: the date its source reported it (a pledge announced, a delay reported, an
 * award finalised), as opposed to when chipbet recorded it. Every write takes it as the optional header
 * {@code Chipbet-News-Date} (an ISO date, not in the future), which defaults to the day of the write;
 * {@link io.chipbet.platform.outbox.Outbox} stamps it on the event as {@code effectiveOn}. One header for
 * every write of every service, rather than one more field in each body.
 */
public final class NewsDate {

    public static final String HEADER = "Chipbet-News-Date";
    private static final String LOCAL = "chipbet.news-date";

    private NewsDate() {
    }

    /** The news date of the request being handled, if it sent one. */
    public static Optional<LocalDate> ofRequest() {
        try {
            return ContextLocals.<LocalDate>get(LOCAL);
        } catch (UnsupportedOperationException | IllegalStateException outsideARequest) {
            return Optional.empty();
        }
    }

    /** The date an event is stamped with: the request's news date, else the day it is committed. */
    public static LocalDate forEvent(java.time.Instant occurredAt) {
        return ofRequest().orElse(LocalDate.ofInstant(occurredAt, ZoneOffset.UTC));
    }

    /** Reads and checks the header before any resource runs; a bad one is a 400 naming it. */
    public static final class Filter {

        @ServerRequestFilter(preMatching = true)
        public void read(ContainerRequestContext request) {
            List<String> values = request.getHeaders().get(HEADER);
            if (values == null || values.isEmpty()) {
                return;
            }
            LocalDate date;
            try {
                if (values.size() > 1) {
                    throw new DateTimeParseException("sent more than once", values.toString(), 0);
                }
                date = LocalDate.parse(values.get(0).trim());
            } catch (DateTimeParseException e) {
                throw invalid("must be one ISO date, e.g. 2024-09-25");
            }
            if (date.isBefore(SaneDate.EARLIEST) || date.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
                throw invalid("must be a date from " + SaneDate.EARLIEST + " to today: news cannot come from the future");
            }
            ContextLocals.put(LOCAL, date);
        }

        private static ProblemException invalid(String message) {
            return new ProblemException(400, "validation", "Invalid request", HEADER + " " + message,
                    List.of(new Problem.Violation(HEADER, message)));
        }
    }
}
