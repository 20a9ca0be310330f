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

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
