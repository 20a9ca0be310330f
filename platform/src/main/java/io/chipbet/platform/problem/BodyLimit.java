package io.chipbet.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request body over {@code quarkus.http.limits.max-body-size} (10 MB unless configured) is refused with
 * 413 problem+json, like every other refusal. Quarkus refuses it before the REST layer with a bare 413 and
 * no body; this route runs first and answers the same status with a problem, closing the connection as
 * Quarkus does. A body without a Content-Length that outgrows the limit while it is read fails the route
 * with 413: the failure handler answers that one the same way.
 * <p>
 * The close lingers: the rest of the body is read and discarded for up to {@link #LINGER_MILLIS} before the
 * connection closes. Closing a socket with unread bytes makes the kernel send a reset, and a client still
 * sending its body then loses the 413 it was sent (seen in CI as "header parser received no bytes").
 */
@ApplicationScoped
public class BodyLimit {

    static final String TYPE = Problem.TYPE_BASE + "body-too-large";

    /** Long enough to drain a body a little over the limit on a slow link; bounded, so a sender cannot hold the connection. */
    static final long LINGER_MILLIS = 5_000;

    private final long limit;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void route(@Observes Router router) {
        router.route().order(-3).handler(this::check).failureHandler(this::failed);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    refuse(context);
                    return;
                }
            } catch (NumberFormatException e) {
                // not ours to judge: the server refuses a malformed Content-Length itself
            }
        }
        context.next();
    }

    private void failed(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            refuse(context);
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context) {
        String body = new JsonObject()
                .put("type", TYPE)
                .put("title", "Content Too Large")
                .put("status", 413)
                .put("detail", "The request body is over the limit of " + limit + " bytes")
                .put("instance", context.request().path())
                .encode();
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        if (!request.isEnded()) {
            long closeAnyway = context.vertx().setTimer(LINGER_MILLIS, ignored -> connection.close());
            request.handler(ignored -> { }) // discarded: read only so the close is a clean one
                    .endHandler(ignored -> {
                        context.vertx().cancelTimer(closeAnyway);
                        connection.close();
                    })
                    .exceptionHandler(ignored -> connection.close());
            request.resume();
        }
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
