package io.chipbet.platform.testing;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * What every chipbet service offers an operator: readiness that covers the database and the broker,
 * an OpenAPI document, and Prometheus metrics. A service's test class extends this and is a @QuarkusTest.
 */
public abstract class ServiceConventionsTest {

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "Kafka connection health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        String application = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("chipbet " + application))
                .body("components.securitySchemes.jwt.scheme", equalTo("bearer"))
                // The Authorize dialog says where a token comes from, and each UI links to the four.
                .body("components.securitySchemes.jwt.description", containsString("`./chipbet token`"))
                .body("info.description", containsString("[funding](http://127.0.0.1:8081/q/swagger-ui)"))
                .body("info.description", containsString("[feasibility](http://127.0.0.1:8080/q/swagger-ui)"));
    }

    /** Each GET of the OpenAPI document without path parameters: an Accept it cannot serve gets 406 as problem+json. */
    @Test
    void anAcceptItCannotServeGets406() {
        java.util.Map<String, java.util.Map<String, Object>> paths = given().get("/q/openapi?format=json").then().extract().path("paths");
        java.util.List<String> failures = new java.util.ArrayList<>();
        int tried = 0;
        for (var path : paths.entrySet()) {
            if (path.getKey().contains("{") || !path.getValue().containsKey("get")) {
                continue;
            }
            tried++;
            var response = given().header("Accept", "application/xml").get(path.getKey());
            if (response.statusCode() != 406 || !response.contentType().startsWith("application/problem+json")) {
                failures.add(path.getKey() + ": " + response.statusCode() + " " + response.contentType());
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(tried > 0, "no GET endpoint found in the OpenAPI document");
        org.junit.jupiter.api.Assertions.assertTrue(failures.isEmpty(), failures::toString);
    }

    /** Every example the document gives (schemas, parameters, bodies, responses) is valid against its own schema. */
    @Test
    void everyOpenApiExampleMatchesItsSchema() {
        OpenApiExamples document = OpenApiExamples.of(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        org.junit.jupiter.api.Assertions.assertFalse(document.examples().isEmpty(), "the OpenAPI document gives no example");
        java.util.List<String> failures = document.failures();
        org.junit.jupiter.api.Assertions.assertTrue(failures.isEmpty(), failures.size() + " of " + document.examples().size()
                + " examples do not match their schema:\n" + String.join("\n", failures));
    }

    /**
     * Each operation of the document says what it answers: a success (a 2xx, with its schema unless it
     * is 202 or 204), and its problems (every 4xx and 5xx) as application/problem+json.
     */
    @Test
    void everyOperationDeclaresItsSuccessAndItsProblems() throws Exception {
        com.fasterxml.jackson.databind.JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString()).path("paths");
        java.util.List<String> failures = new java.util.ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!java.util.List.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
                return;
            }
            String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            com.fasterxml.jackson.databind.JsonNode responses = operation.getValue().path("responses");
            boolean success = false;
            for (var response : responses.properties()) {
                String status = response.getKey();
                com.fasterxml.jackson.databind.JsonNode content = response.getValue().path("content");
                if (status.startsWith("2")) {
                    success = true;
                    if (!status.equals("202") && !status.equals("204") && (content.isEmpty()
                            || !content.elements().next().has("schema"))) {
                        failures.add(name + " " + status + " has no schema");
                    }
                } else if (status.startsWith("4") || status.startsWith("5")) {
                    java.util.List<String> types = new java.util.ArrayList<>();
                    content.fieldNames().forEachRemaining(types::add);
                    if (!types.equals(java.util.List.of("application/problem+json"))) {
                        failures.add(name + " " + status + " is " + types + ", not application/problem+json");
                    }
                }
            }
            if (!success) {
                failures.add(name + " declares no 2xx");
            }
        }));
        org.junit.jupiter.api.Assertions.assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
