package io.chipbet.infra.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/** Reads the live answer once the projection has caught up and simulated it, and says it in two lines. */
public final class ScoreSummary {

    private ScoreSummary() {
    }

    /**
     * Waits until the answer's version stops moving for two seconds with its simulation current (the projection has caught up), at most a minute.
     * Each poll has its own time-out, so that one unanswered request cannot hold the wait past its minute: it counts as a moving answer.
     */
    public static String await(String projectionUrl) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject last = null;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            String body;
            try {
                body = http.send(HttpRequest.newBuilder(URI.create(projectionUrl + "/api/v1/feasibility")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (HttpTimeoutException e) {
                stableSince = System.nanoTime();
                continue;
            }
            JsonObject score = Json.createReader(new StringReader(body)).readObject();
            if (last == null || last.getJsonNumber("version").longValue() != score.getJsonNumber("version").longValue()) {
                stableSince = System.nanoTime();
            }
            last = score;
            boolean simulated = !score.isNull("simulation") && score.getJsonObject("simulation").getBoolean("current");
            if (System.nanoTime() - stableSince > Duration.ofSeconds(2).toNanos() && score.getJsonNumber("version").longValue() > 0 && simulated) {
                break;
            }
            Thread.sleep(250);
        }
        return describe(last);
    }

    /** "P(36 fabs by 2030-12-31) = 0.0% · deliverable 4.1 fabs' worth (P10 2.2 – P90 7.9) · binding: talent in 100% of samples", then the headline. */
    static String describe(JsonObject answer) {
        if (answer == null || answer.isNull("probability")) {
            return "Feasibility: not simulated yet";
        }
        JsonObject plan = answer.getJsonObject("plan");
        JsonObject fabsWorth = answer.getJsonObject("deliverable").getJsonObject("fabsWorth");
        JsonObject binding = answer.getJsonObject("binding");
        JsonObject inputs = answer.getJsonObject("inputs");
        double fabs = plan.getJsonNumber("fabs").doubleValue();
        return String.format(Locale.ROOT,
                "P(%s fabs by %s) = %s · deliverable %.1f fabs' worth (P10 %.1f – P90 %.1f) · binding: %s in %.0f%% of samples%n%s%n"
                        + "From %d commitments, %d fabs, %d talent pools, %d training programs, %d shortfall estimates.",
                fabs == Math.rint(fabs) ? String.valueOf((long) fabs) : String.valueOf(fabs), plan.getString("horizon"),
                percent(answer.getJsonNumber("probability").doubleValue()), fabsWorth.getJsonNumber("p50").doubleValue(),
                fabsWorth.getJsonNumber("p10").doubleValue(), fabsWorth.getJsonNumber("p90").doubleValue(), binding.getString("constraint"),
                100 * binding.getJsonNumber("frequency").doubleValue(), answer.getString("headline"), inputs.getInt("commitments"),
                inputs.getInt("fabs"), inputs.getInt("talentPools"), inputs.getInt("trainingPrograms"), inputs.getInt("shortfallEstimates"));
    }

    private static String percent(double share) {
        double percent = 100 * share;
        return percent > 0 && percent < 1 ? String.format(Locale.ROOT, "%.1f%%", percent) : String.format(Locale.ROOT, "%.0f%%", percent);
    }
}
