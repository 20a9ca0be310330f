package io.chipbet.projection.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A representation written to JSON once, when it changes, and served as bytes to every reader after:
 * reads cost no serialization and no database round trip. Its ETag is a digest of those bytes, so it
 * stays true across restarts and is the same on every replica; a poller sending it back gets 304.
 */
record ServedJson(byte[] json, String etag) {

    static ServedJson of(ObjectMapper mapper, Object representation) {
        try {
            byte[] json = mapper.writeValueAsBytes(representation);
            return new ServedJson(json, "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 16) + "\"");
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot serve " + representation.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** 304 if the client holds these bytes already, else 200 with them. */
    Response response(String ifNoneMatch) {
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified(EntityTag.valueOf(etag)).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag).build();
    }
}
