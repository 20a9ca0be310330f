package io.chipbet.platform.api;

import io.chipbet.platform.testing.OpenApiExamples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check every service's ServiceConventionsTest runs on its own document: it finds every example, and a wrong one fails. */
class OpenApiExamplesTest {

    private static String document(String fabExample, String bodyExample, String parameterExample) {
        return """
                {"openapi": "3.1.0",
                 "paths": {"/api/v1/fabs/{id}": {"post": {
                   "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": ["OPEN", "SHUT"]}, "example": %s}],
                   "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fab"},
                     "examples": {"one": {"value": %s}}}}},
                   "responses": {"200": {"content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Fab"}}}}}}}}},
                 "components": {"schemas": {"Fab": {"type": "object", "required": ["name"], "properties": {
                   "name": {"type": "string", "examples": ["TSMC Arizona"]},
                   "on": {"type": "string", "format": "date", "examples": [%s]},
                   "capacity": {"type": ["integer", "null"], "minimum": 0}}}}}}
                """.formatted(parameterExample, bodyExample, fabExample);
    }

    @Test
    void findsTheExamplesOfSchemasParametersAndBodies() {
        OpenApiExamples examples = OpenApiExamples.of(document("\"2025-01-01\"", "{\"name\": \"x\", \"capacity\": null}", "\"OPEN\""));
        assertEquals(4, examples.examples().size(), examples.examples().toString());
        assertEquals(List.of(), examples.failures());
    }

    @Test
    void aWrongExampleFailsAndSaysWhere() {
        List<String> failures = OpenApiExamples.of(document("\"30 Feb 2025\"", "{\"capacity\": -1}", "\"AJAR\"")).failures();
        assertEquals(3, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("/components/schemas/Fab/properties/on/examples/0"), failures.toString());
        assertTrue(failures.stream().anyMatch(failure -> failure.startsWith("/paths/~1api~1v1~1fabs~1{id}/post/parameters/0/example")),
                failures.toString());
        assertTrue(failures.stream().anyMatch(failure -> failure.startsWith("/paths/~1api~1v1~1fabs~1{id}/post/requestBody/content/application~1json/examples/one")
                && failure.contains("name") && failure.contains("minimum")), failures.toString());
    }
}
