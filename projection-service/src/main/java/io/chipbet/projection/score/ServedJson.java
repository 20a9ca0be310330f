package io.chipbet.projection.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.api.ETags;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A representation written to JSON once, when it changes, and served as bytes to every reader after:
 * reads cost no serialization and no database round trip. Its ETag lets a poller get a 304.
 */
record ServedJson(byte[] json, String etag) {

    static ServedJson of(ObjectMapper mapper, Object representation, long sequence) {
        try {
            return new ServedJson(mapper.writeValueAsBytes(representation), ETags.of(sequence));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + representation.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** 304 if the client holds this version already, else 200 with the bytes. */
    Response response(String ifNoneMatch) {
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified(EntityTag.valueOf(etag)).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag).build();
    }
}
