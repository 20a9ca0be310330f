package io.chipbet.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real response checked against the service's own OpenAPI document: its status is declared for the
 * operation, with its media type, and its body is valid against the declared schema (a field sent as
 * null must be declared nullable, an enum value must be listed, a format must hold).
 */
public final class OpenApiResponses {

    private OpenApiResponses() {
    }

    public static Response assertDocumented(String method, String template, Response response) {
        OpenApiExamples document = OpenApiExamples.of(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        String mediaType = response.contentType() == null ? "" : response.contentType().split(";")[0].trim();
        if (response.asString().isEmpty()) {
            String declared = OpenApiExamples.responseSchema(template, method, response.statusCode(), "x").replaceAll("/content/.*$", "");
            assertTrue(document.declares(declared), method + " " + template + " answered " + response.statusCode()
                    + " without a body, which its document does not declare (" + declared + ")");
            return response;
        }
        String pointer = OpenApiExamples.responseSchema(template, method, response.statusCode(), mediaType);
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(response.asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> violations = document.violations(pointer, body);
        assertTrue(violations.isEmpty(), method.toUpperCase(java.util.Locale.ROOT) + " " + template + " answered "
                + response.statusCode() + " " + mediaType + " as its document does not say (" + pointer + "): " + violations
                + "\n" + response.asString());
        return response;
    }
}
