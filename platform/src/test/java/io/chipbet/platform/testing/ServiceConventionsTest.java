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
                .body("components.securitySchemes.jwt.scheme", equalTo("bearer"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
