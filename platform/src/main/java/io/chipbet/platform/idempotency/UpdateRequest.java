package io.chipbet.platform.idempotency;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What an update request says besides its body: {@code @BeanParam UpdateRequest write}. As a
 * {@link WriteRequest}, and the If-Match header that names the version the client saw (see ETags).
 */
public class UpdateRequest extends WriteRequest {

    @HeaderParam(HttpHeaders.IF_MATCH)
    @Parameter(description = "The resource's current ETag", required = true)
    String ifMatch;

    public UpdateRequest() {
    }

    /** For tests and callers outside a request. */
    public UpdateRequest(String path, String idempotencyKey, String ifMatch) {
        super(path, idempotencyKey);
        this.ifMatch = ifMatch;
    }

    public String ifMatch() {
        return ifMatch;
    }
}
