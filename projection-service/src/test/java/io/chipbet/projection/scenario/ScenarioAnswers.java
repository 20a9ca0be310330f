package io.chipbet.projection.scenario;

import io.chipbet.platform.testing.Await;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.function.Predicate;

import static io.chipbet.platform.testing.Api.anyone;

/** Waits on a scenario's answer (GET {path}/feasibility), for the tests and the benchmarks that create scenarios. */
public final class ScenarioAnswers {

    private ScenarioAnswers() {
    }

    /** The scenario's answer once {@code condition} holds, within 30 s; else an AssertionError with the last answer. */
    public static JsonPath await(String path, Predicate<JsonPath> condition) {
        return Await.until(() -> anyone().get(path + "/feasibility").then().statusCode(200).extract().jsonPath(), condition,
                Duration.ofSeconds(30), answer -> "the scenario's answer " + answer.prettify());
    }

    /** Its first answer with a probability: what a client sees once a new scenario has been evaluated. */
    public static JsonPath awaitFirst(String path) {
        return await(path, json -> json.get("feasibility.probability") != null);
    }
}
