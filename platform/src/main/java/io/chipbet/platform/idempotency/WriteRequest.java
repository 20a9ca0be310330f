package io.chipbet.platform.idempotency;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.net.URI;
import java.util.UUID;

/**
 * What a create request says besides its body, for a resource to hand to its service:
 * {@code @BeanParam WriteRequest write}. Its path gives the Idempotency-Key's scope and the new
 * resource's location (every resource lives at {@code /api/v1/<collection>/<id>}).
 */
public class WriteRequest {

    @HeaderParam(Idempotency.HEADER)
    @Parameter(description = Idempotency.KEY_DESCRIPTION)
    String idempotencyKey;

    @Context
    UriInfo uri;

    /** Set when the request is made by hand rather than injected. */
    private String path;

    public WriteRequest() {
    }

    /** For tests and callers outside a request. */
    public WriteRequest(String path, String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
        this.path = path;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The request's path without its leading slash, e.g. {@code api/v1/fabs/<id>/delays}. */
    String path() {
        String full = path != null ? path : uri.getPath();
        return full.startsWith("/") ? full.substring(1) : full;
    }

    /** What the key is unique within: the path below {@code api/v1}, e.g. {@code fabs} or {@code fabs/<id>/delays}. */
    public String scope() {
        return WritePaths.scope(path());
    }

    /** Where the resource with this id lives: {@code /api/v1/<collection>/<id>}. */
    public URI locationOf(UUID id) {
        return WritePaths.location(path(), id);
    }
}
