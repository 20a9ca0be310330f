package io.chipbet.platform.api;

import io.chipbet.platform.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Optimistic concurrency over HTTP: the {@code ETag} of a resource is its version, and every update
 * must send it back in {@code If-Match}. Missing gets 428, malformed 400, stale 412.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the representation and its ETag. */
    public static <T> RestResponse<T> ok(T representation, long version) {
        return RestResponse.ResponseBuilder.ok(representation).header(HttpHeaders.ETAG, of(version)).build();
    }

    /** The version the client last saw, from {@code If-Match}. */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "if-match-required", "Precondition required",
                    "Send the resource's current ETag in If-Match: updates use optimistic concurrency");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "malformed-if-match", "Malformed If-Match",
                    "If-Match must be an ETag this API issued, e.g. \"3\"; got " + ifMatch);
        }
    }

    /** Fails with 412 unless the client's version is the current one. */
    public static void requireCurrent(String what, long current, long expected) {
        if (current != expected) {
            throw new ProblemException(412, "stale-version", "Precondition failed",
                    what + " is at version " + current + ", not " + expected + "; read it again and retry with its new ETag");
        }
    }
}
