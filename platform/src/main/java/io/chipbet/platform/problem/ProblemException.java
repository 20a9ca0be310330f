package io.chipbet.platform.problem;

import java.util.List;

/**
 * A failure that the client caused and can fix; mapped to its problem+json as is. Services throw
 * the specific subclasses below rather than building responses by hand.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    /** 404: the addressed resource does not exist. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", what + " not found", what + " " + id + " does not exist");
    }

    /** 409: the request contradicts the resource's current state (e.g. an illegal transition). */
    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail);
    }

    /** 400: fields that break their constraints, each named by its path in the body, sorted. */
    public static ProblemException validation(List<Problem.Violation> violations) {
        List<Problem.Violation> sorted = violations.stream().sorted(java.util.Comparator.comparing(Problem.Violation::field)).toList();
        String detail = sorted.size() + " invalid field(s): "
                + sorted.stream().map(Problem.Violation::field).distinct().collect(java.util.stream.Collectors.joining(", "));
        return new ProblemException(400, "validation", "Invalid request", detail, sorted);
    }

    /** 422: well-formed input that breaks a domain rule. */
    public static ProblemException unprocessable(String slug, String title, String detail, List<Problem.Violation> violations) {
        return new ProblemException(422, slug, title, detail, violations);
    }
}
