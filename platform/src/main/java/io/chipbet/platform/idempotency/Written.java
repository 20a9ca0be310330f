package io.chipbet.platform.idempotency;

import io.chipbet.platform.api.ETags;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/**
 * The answer to a write, the first time or replayed: what a resource turns into HTTP with
 * {@link #response()}: 201 with Location for a creation, 200 for an update, the ETag either way.
 *
 * @param body     the representation; on a replay, the JSON first sent
 * @param replayed true when a retry with the same Idempotency-Key got the first answer again
 */
public record Written(int status, URI location, Object body, long version, boolean replayed) {

    public static Written created(URI location, Object body, long version) {
        return new Written(201, location, body, version, false);
    }

    public static Written updated(URI location, Object body, long version) {
        return new Written(200, location, body, version, false);
    }

    /**
     * Typed by the resource's return type ({@code Uni<RestResponse<FabState>>}) so that the OpenAPI document
     * infers the success schema from it; the body is that representation, or on a replay the same JSON.
     */
    @SuppressWarnings("unchecked")
    public <T> RestResponse<T> response() {
        RestResponse.ResponseBuilder<T> response = RestResponse.ResponseBuilder.<T>create(status)
                .entity((T) body).header(HttpHeaders.ETAG, ETags.of(version));
        if (replayed) {
            response.type(MediaType.APPLICATION_JSON).header("Idempotent-Replayed", "true");
        }
        return (status == 201 ? response.location(location) : response).build();
    }
}
