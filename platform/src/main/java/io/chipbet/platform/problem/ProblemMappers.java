package io.chipbet.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Turns every failure into an RFC 9457 problem. Nothing the client sends can cause a 500; a database
 * that cannot be reached is a 503 with Retry-After.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Long enough for a PostgreSQL restart or fail-over, short enough that a client does not give up. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), Problem.type(e.slug()), e.title(), e.getMessage(), uri, e.violations());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        return problem(ProblemException.validation(e.getConstraintViolations().stream()
                .map(violation -> new Problem.Violation(fieldOf(violation), violation.getMessage())).toList()), uri);
    }

    /**
     * Listed one by one: Quarkus' own mappers for the subclasses would otherwise win and answer plain JSON.
     * Bad syntax is malformed-json; a value that is not what its field takes is validation, as a broken
     * constraint is, with the field named.
     */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, ValueInstantiationException.class,
            UnrecognizedPropertyException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (JsonProblems.isSyntax(e)) {
            return respond(400, Problem.type("malformed-json"), "Malformed JSON", JsonProblems.syntaxDetail(e), uri, List.of());
        }
        Problem.Violation violation = JsonProblems.violation(e);
        if (violation.field().isEmpty()) {
            return respond(400, Problem.type("validation"), "Invalid request", "The body " + violation.message(), uri, List.of());
        }
        return respond(400, Problem.type("validation"), "Invalid request", "1 invalid field(s): " + violation.field(), uri,
                List.of(violation));
    }

    /** Two updates raced on the same version: the database caught what If-Match could not. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleVersion(RuntimeException e, UriInfo uri) {
        return respond(412, Problem.type("stale-version"), "Precondition failed",
                "The resource was changed by someone else; read it again and retry with its new ETag", uri, List.of());
    }

    /** A uniqueness check passed in two racing transactions; the database refused the second. */
    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if (e.getKind() != org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
            return unexpected(e, uri);
        }
        return respond(409, Problem.type("conflict"), "Conflict",
                "A concurrent request created the same thing first; nothing was created by this one", uri, List.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(401, URI.create("about:blank"), "Unauthorized",
                        "A valid bearer token is required", uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, URI.create("about:blank"), "Forbidden",
                "Your token lacks the role this operation needs", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri); // Quarkus wraps some of Jackson's failures in a bare 400
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null
                ? "HTTP " + status : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(status, URI.create("about:blank"), title, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseOutage.isCause(e)) {
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e);
            return Response.fromResponse(respond(503, Problem.type("unavailable"), "Service unavailable",
                            "The database cannot be reached. Retry after " + RETRY_AFTER_SECONDS + " s with the same "
                                    + "Idempotency-Key: a write that did land is then answered, not made twice", uri, List.of()))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(500, URI.create("about:blank"), "Internal Server Error",
                "The server failed; the request may be retried", uri, List.of());
    }

    static Response respond(int status, URI type, String title, String detail, UriInfo uri,
                            List<Problem.Violation> violations) {
        Problem problem = new Problem(type, title, status, detail, instance(uri.getPath()), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The request's path as a URI reference. The path is decoded, and may hold what a URI cannot (quotes,
     * spaces, a lone %): the multi-argument URI constructor quotes those again.
     */
    static URI instance(String path) {
        try {
            return new URI(null, null, path, null, null);
        } catch (URISyntaxException e) {
            return null; // the instance is optional; the problem itself must still be sent
        }
    }

    /** {@code create.request.amountUsd} -> {@code amountUsd}: the client knows its body, not our method names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }
}
