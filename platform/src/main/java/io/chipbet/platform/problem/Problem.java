package io.chipbet.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json} for every 4xx and 5xx.
 *
 * @param type       a URI that names the kind of problem; {@code about:blank} when the status says it all
 * @param violations every failed validation, for 400 and 422
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        @Schema(description = "The request's path, a relative reference such as /api/v1/fabs/7c9e...", format = "uri-reference",
                examples = "/api/v1/fabs") URI instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://chipbet.io/problems/";

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** One invalid input: where it is ({@code field}, e.g. {@code amountUsd} or {@code sources[0].url}) and why. */
    public record Violation(String field, String message) {
    }
}
