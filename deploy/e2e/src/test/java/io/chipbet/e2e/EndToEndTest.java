package io.chipbet.e2e;

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
    void factsPostedToTheServicesMoveTheScoreOnTheStreamAndTheTopic() throws Exception {
        List<ServiceProcess> started = new CopyOnWriteArrayList<>();
        try (LocalInfrastructure infrastructure = LocalInfrastructure.forTests(directory).start()) {
            LocalKeys keys = LocalKeys.in(directory.resolve("keys"));
            Map<String, Integer> ports = new LinkedHashMap<>();
            LocalServices.FIXED_PORTS.keySet().forEach(name -> ports.put(name, Ports.freeLoopbackPort()));
            try (LocalServices services = LocalServices.start(ROOT, infrastructure, keys, ports, directory.resolve("logs"), started)) {
                String projection = services.baseUrls().get("projection");
                List<String> streamed = new CopyOnWriteArrayList<>();
                Thread listener = listen(projection + "/api/v1/feasibility/stream", streamed);
                awaitUntil(() -> !streamed.isEmpty(), "the stream sends the current score at once");

                Path data = Path.of("src/test/resources/e2e-data.json").toAbsolutePath();
                String token = new Tokens(keys).editor();
                ReferenceLoader.Result first = new ReferenceLoader(token, services.baseUrls()).load(data, line -> { });
                assertEquals(6, first.sent(), "1 investor, 1 commitment, 1 fab, 1 pool, 2 changes");

                // By hand: capital $1T disbursed for fabs over $7T = 14.29 %; capacity 50,000 of 12,500,000 = 0.4 %;
                // talent: 3,000 per 50,000 wpm x 12.5M = 750,000 needed, 600 new engineers by 2030 = 0.08 %.
                JsonObject score = awaitScore(projection, json -> !json.getJsonObject("capital").isNull("ratio")
                        && Math.abs(json.getJsonObject("capital").getJsonNumber("ratio").doubleValue() - 1.0 / 7) < 1e-9
                        && Math.abs(json.getJsonObject("capacity").getJsonNumber("ratio").doubleValue() - 0.004) < 1e-12
                        && !json.getJsonObject("talent").isNull("ratio"));
                assertEquals(100.0 / 7, 100 * score.getJsonObject("capital").getJsonNumber("ratio").doubleValue(), 1e-6);
                assertEquals(0.4, 100 * score.getJsonObject("capacity").getJsonNumber("ratio").doubleValue(), 1e-9);
                assertEquals(0.08, 100 * score.getJsonObject("talent").getJsonNumber("ratio").doubleValue(), 1e-9);
                assertEquals("talent", score.getString("bindingConstraint"));
                assertEquals(0.08, score.getJsonNumber("score").doubleValue(), 1e-9);

                awaitUntil(() -> streamed.stream().anyMatch(event -> event.contains("SoftBank Group commitment status changed")),
                        "the stream carries the change that disbursed the commitment");
                // Events applied in one batch make one change, named after the one that moved the score most.
                String disbursed = "SoftBank Group commitment status changed (DISBURSED";
                List<String> published = scoreTopic(infrastructure.kafka().bootstrapServers(), value -> value.contains(disbursed));
                assertTrue(published.stream().anyMatch(value -> value.contains(disbursed)), "the score topic names the event: " + published);

                ReferenceLoader.Result again = new ReferenceLoader(token, services.baseUrls()).load(data, line -> { });
                assertEquals(0, again.sent(), "loading twice changes nothing");
                assertEquals(6, again.alreadyThere());
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
            consumer.subscribe(List.of("chipbet.feasibility.scores.v1"));
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
