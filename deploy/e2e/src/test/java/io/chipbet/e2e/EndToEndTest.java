package io.chipbet.e2e;

import io.chipbet.platform.contract.score.ScoreTopics;
import io.chipbet.infra.LocalInfrastructure;
import io.chipbet.infra.load.ReferenceLoader;
import io.chipbet.infra.process.Ports;
import io.chipbet.infra.security.LocalKeys;
import io.chipbet.infra.security.Tokens;
import io.chipbet.infra.services.LocalServices;
import io.chipbet.infra.services.ServiceProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole system as ./chipbet up runs it: the four built services in their own JVMs, a real Kafka
 * broker and a real PostgreSQL server. Data enters only through the services' REST APIs.
 */
class EndToEndTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();

    @TempDir
    Path directory;

    @Test
    void aFabDelayPostedToFabServiceMovesTheProbabilityAndTheP50OnTheStreamAndTheTopic() throws Exception {
        List<ServiceProcess> started = new CopyOnWriteArrayList<>();
        try (LocalInfrastructure infrastructure = LocalInfrastructure.forTests(directory).start()) {
            LocalKeys keys = LocalKeys.in(directory.resolve("keys"));
            Map<String, Integer> ports = new LinkedHashMap<>();
            LocalServices.FIXED_PORTS.keySet().forEach(name -> ports.put(name, Ports.freeLoopbackPort()));
            try (LocalServices services = LocalServices.start(ROOT, infrastructure, keys, ports, directory.resolve("logs"), started)) {
                String projection = services.baseUrls().get("projection");
                List<String> streamed = new CopyOnWriteArrayList<>();
                Thread listener = listen(projection + "/api/v1/feasibility/stream", streamed);
                awaitUntil(() -> !streamed.isEmpty(), "the stream sends the current answer at once");

                Path data = Path.of("src/test/resources/e2e-data.json").toAbsolutePath();
                String token = new Tokens(keys).editor();
                ReferenceLoader.Result first = new ReferenceLoader(token, services.baseUrls()).load(data, line -> { });
                assertEquals(5, first.sent(), "1 investor, 1 commitment, 1 fab, 1 pool, 1 change");

                // The default plan (36 fabs of 50,000 wpm by 2030-12-31) is met when the one fab, 2,000,000 wpm planned for
                // 2030-06-30, slips and ramps little enough: neither certain nor impossible.
                JsonObject before = awaitScore(projection, json -> json.getJsonObject("inputs").getInt("fabs") == 1
                        && !json.isNull("simulation") && json.getJsonObject("simulation").getBoolean("current"));
                double probabilityBefore = before.getJsonNumber("probability").doubleValue();
                double p50Before = before.getJsonObject("deliverable").getJsonObject("wpm").getJsonNumber("p50").doubleValue();
                assertTrue(probabilityBefore > 0.01 && probabilityBefore < 0.99, "probability " + probabilityBefore);
                assertTrue(before.getString("headline").startsWith("On the record today, the 36-fab plan has a"), before.getString("headline"));

                // A delay posted to fab-service moves the median-input path at once, then the probability and the P50.
                String fabs = services.baseUrls().get("fab");
                HttpClient http = HttpClient.newHttpClient();
                JsonObject listed = Json.createReader(new StringReader(http.send(HttpRequest.newBuilder(URI.create(fabs + "/api/v1/fabs")).build(),
                        HttpResponse.BodyHandlers.ofString()).body())).readObject();
                String fabId = listed.getJsonArray("items").getJsonObject(0).getString("id");
                String etag = http.send(HttpRequest.newBuilder(URI.create(fabs + "/api/v1/fabs/" + fabId)).build(),
                        HttpResponse.BodyHandlers.ofString()).headers().firstValue("ETag").orElseThrow();
                HttpResponse<String> delayed = http.send(HttpRequest.newBuilder(URI.create(fabs + "/api/v1/fabs/" + fabId + "/delays"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("If-Match", etag)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"plannedProductionDate\":\"2030-12-01\",\"reason\":\"Tools arrive late\","
                                + "\"source\":{\"url\":\"https://example.org/delay\",\"title\":\"Delay\"}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, delayed.statusCode(), delayed.body());
                awaitUntil(() -> streamed.stream().anyMatch(event -> event.contains("Test mega-fab delayed")),
                        "the stream carries the delay on the median-input path");
                JsonObject after = awaitScore(projection, json -> !json.isNull("simulation") && json.getJsonObject("simulation").getBoolean("current")
                        && json.getString("cause", "").contains("pp probability"));
                double probabilityAfter = after.getJsonNumber("probability").doubleValue();
                double p50After = after.getJsonObject("deliverable").getJsonObject("wpm").getJsonNumber("p50").doubleValue();
                assertTrue(probabilityAfter < probabilityBefore, probabilityBefore + " -> " + probabilityAfter);
                assertTrue(p50After < p50Before, p50Before + " -> " + p50After);
                assertTrue(after.getString("cause").endsWith("Test mega-fab delayed (UNDER_CONSTRUCTION, production 2030-12-01)")
                        || after.getString("cause").contains("Test mega-fab delayed"), after.getString("cause"));
                String simulatedAfterDelay = "\"version\":" + after.getJsonNumber("version").longValue() + ",";
                awaitUntil(() -> streamed.stream().anyMatch(event -> event.contains(simulatedAfterDelay)),
                        "the stream carries the simulated change too");
                List<String> published = scoreTopic(infrastructure.kafka().bootstrapServers(), value -> value.contains(simulatedAfterDelay));
                assertTrue(published.stream().anyMatch(value -> value.contains("Test mega-fab delayed") && value.contains("\"current\":false")),
                        "the score topic carries the median-input change");
                assertTrue(published.stream().anyMatch(value -> value.contains(simulatedAfterDelay)), "and the simulated one");

                // News time: the loader sent each fact's news date (its announcement here); the history is drawn over them.
                String news = http.send(HttpRequest.newBuilder(URI.create(projection + "/api/v1/feasibility/history/news")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(news.contains("\"on\":\"2024-01-01\"") && news.contains("\"on\":\"2025-03-01\""), news);
                HttpResponse<String> future = http.send(HttpRequest.newBuilder(URI.create(fabs + "/api/v1/fabs/" + fabId + "/delays"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("If-Match", "\"9\"")
                        .header("Chipbet-News-Date", java.time.LocalDate.now().plusDays(10).toString())
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(400, future.statusCode(), future.body());
                assertTrue(future.body().contains("Chipbet-News-Date"), future.body());

                ReferenceLoader.Result again = new ReferenceLoader(token, services.baseUrls()).load(data, line -> { });
                assertEquals(0, again.sent(), "loading twice changes nothing");
                assertEquals(5, again.alreadyThere());
                listener.interrupt();
            }
        }
        for (ServiceProcess service : started) {
            assertTrue(service.processTree().stream().noneMatch(ProcessHandle::isAlive), service + " stopped");
        }
    }

    private static Thread listen(String url, List<String> events) {
        Thread thread = new Thread(() -> {
            try {
                HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body()))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            events.add(line.substring(5));
                        }
                    }
                }
            } catch (Exception ignored) {
                // The test ends the stream by stopping the services.
            }
        }, "sse-listener");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static JsonObject awaitScore(String projection, java.util.function.Predicate<JsonObject> condition) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(URI.create(projection + "/api/v1/feasibility")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            last = Json.createReader(new StringReader(body)).readObject();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The score never got there; last: " + last);
    }

    private static List<String> scoreTopic(String bootstrap, java.util.function.Predicate<String> until) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(ScoreTopics.SCORES));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.stream().noneMatch(until) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not seen in 60 s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
