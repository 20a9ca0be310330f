package io.chipbet.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
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
 * Quarkus does (the rest of the body is never read). A body without a Content-Length that outgrows the
 * limit while it is read fails the route with 413: the failure handler answers that one the same way.
 */
@ApplicationScoped
public class BodyLimit {

    static final String TYPE = Problem.TYPE_BASE + "body-too-large";

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
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ignored -> context.request().connection().close())
                .end(body);
    }
}
