package io.chipbet.projection.scenario;

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
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = anyone().get(path + "/feasibility").then().statusCode(200).extract().jsonPath();
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("The scenario's answer never got there; last: " + (last == null ? null : last.prettify()));
    }

    /** Its first answer with a probability: what a client sees once a new scenario has been evaluated. */
    public static JsonPath awaitFirst(String path) {
        return await(path, json -> json.get("feasibility.probability") != null);
    }
}
