package io.chipbet.infra.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/** Reads the live score once the projection has caught up, and says it in one line. */
public final class ScoreSummary {

    private ScoreSummary() {
    }

    /** Waits until the score's version stops moving for two seconds (the projection has caught up), at most a minute. */
    public static String await(String projectionUrl) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject last = null;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(URI.create(projectionUrl + "/api/v1/feasibility")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JsonObject score = Json.createReader(new StringReader(body)).readObject();
            if (last == null || last.getJsonNumber("version").longValue() != score.getJsonNumber("version").longValue()) {
                stableSince = System.nanoTime();
            }
            last = score;
            if (System.nanoTime() - stableSince > Duration.ofSeconds(2).toNanos() && score.getJsonNumber("version").longValue() > 0) {
                break;
            }
            Thread.sleep(250);
        }
        return describe(last);
    }

    static String describe(JsonObject score) {
        if (score == null || score.isNull("score")) {
            return "Feasibility score: not enough data yet";
        }
        JsonObject inputs = score.getJsonObject("inputs");
        return String.format(Locale.ROOT,
                "Feasibility score %.2f / 100, bound by %s (capital %s, capacity %s, talent %s); "
                        + "from %d commitments, %d fabs, %d talent pools",
                score.getJsonNumber("score").doubleValue(), score.getString("bindingConstraint"),
                coverage(score, "capital"), coverage(score, "capacity"), coverage(score, "talent"),
                inputs.getInt("commitments"), inputs.getInt("fabs"), inputs.getInt("talentPools"));
    }

    private static String coverage(JsonObject score, String name) {
        JsonObject coverage = score.getJsonObject(name);
        return coverage.isNull("ratio") ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * coverage.getJsonNumber("ratio").doubleValue());
    }
}
