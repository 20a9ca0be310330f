package io.chipbet.e2e;

import io.chipbet.infra.LocalInfrastructure;
import io.chipbet.infra.load.ReferenceLoader;
import io.chipbet.infra.process.Ports;
import io.chipbet.infra.security.LocalKeys;
import io.chipbet.infra.security.Tokens;
import io.chipbet.infra.services.LocalServices;
import io.chipbet.infra.services.ServiceProcess;
import io.chipbet.platform.contract.score.ScoreTopics;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scaling model (docs/architecture.md): two projection-service replicas on one broker and one
 * database. One leads and writes, the other follows the persisted answer; both serve the same answer.
 * Killing the leader hands over to the follower within a bounded time, and the answer's versions on
 * its topic stay gap-free and never repeat.
 */
class TwoProjectionsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
    private static final Duration HANDOVER = Duration.ofSeconds(45);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path directory;

    @Test
    void bothServeOneAnswerAndKillingTheLeaderHandsOverWithoutAGapOrARepeat() throws Exception {
        List<ServiceProcess> started = new CopyOnWriteArrayList<>();
        try (LocalInfrastructure infrastructure = LocalInfrastructure.forTests(directory).start()) {
            LocalKeys keys = LocalKeys.in(directory.resolve("keys"));
            Map<String, Integer> ports = new LinkedHashMap<>();
            LocalServices.FIXED_PORTS.keySet().forEach(name -> ports.put(name, Ports.freeLoopbackPort()));
            try (LocalServices services = LocalServices.start(ROOT, infrastructure, keys, ports, directory.resolve("logs"), started)) {
                int secondPort = Ports.freeLoopbackPort();
                ServiceProcess second = new ServiceProcess("projection-service", secondPort, ROOT);
                Map<String, String> environment = new HashMap<>(LocalServices.environment(infrastructure, keys, "projection-service", secondPort));
                environment.put("CHIPBET_PROJECTION_LEADERSHIP_INSTANCE", "projection-b");
                second.start(environment, directory.resolve("logs-b"));
                started.add(second);
                second.awaitReady(LocalServices.READY_TIMEOUT);
                ServiceProcess first = services.processes().stream().filter(p -> p.name().equals("projection-service")).findFirst().orElseThrow();

                String token = new Tokens(keys).editor();
                new ReferenceLoader(token, services.baseUrls()).load(Path.of("src/test/resources/e2e-data.json").toAbsolutePath(), line -> { });

                // One leads, the other follows; both serve the same answer once the simulation is in.
                ServiceProcess leader = awaitLeader(List.of(first, second));
                ServiceProcess follower = leader == first ? second : first;
                assertEquals("follower", role(follower));
                String answered = awaitSameAnswer(first, second);
                assertTrue(answered.contains("\"current\":true"), answered);

                // The leader dies; the follower takes over, and a new fact moves the answer it writes.
                long killedAt = System.nanoTime();
                leader.processTree().forEach(ProcessHandle::destroyForcibly);
                ServiceProcess survivor = awaitLeader(List.of(follower));
                Duration handover = Duration.ofNanos(System.nanoTime() - killedAt);
                assertTrue(handover.compareTo(HANDOVER) < 0, "handed over in " + handover);
                String fabs = services.baseUrls().get("fab");
                String fabId = json(get(fabs + "/api/v1/fabs")).getJsonArray("items").getJsonObject(0).getString("id");
                HttpResponse<String> current = http.send(HttpRequest.newBuilder(URI.create(fabs + "/api/v1/fabs/" + fabId)).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> delayed = http.send(HttpRequest.newBuilder(URI.create(fabs + "/api/v1/fabs/" + fabId + "/delays"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("If-Match", current.headers().firstValue("ETag").orElseThrow())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"plannedProductionDate\":\"2030-12-01\",\"reason\":\"Late tools\","
                                + "\"source\":{\"url\":\"https://example.org/delay\",\"title\":\"Delay\"}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, delayed.statusCode(), delayed.body());
                awaitAnswer(survivor, answer -> answer.getString("cause", "").contains("delayed") || answer.getString("cause", "").contains("pp probability"));

                // Every answer change on the topic, across both leaders: one version sequence, no gap, no repeat.
                List<Long> versions = versions(infrastructure.kafka().bootstrapServers());
                assertTrue(versions.size() >= 3, versions::toString);
                for (int i = 0; i < versions.size(); i++) {
                    assertEquals(versions.get(0) + i, versions.get(i), "gap-free and never repeated: " + versions);
                }
                System.out.printf("TWO PROJECTIONS  handover in %d ms; %d answer versions %d..%d%n", handover.toMillis(), versions.size(),
                        versions.get(0), versions.get(versions.size() - 1));
            }
        } finally {
            started.forEach(service -> service.processTree().forEach(ProcessHandle::destroyForcibly));
        }
    }

    private ServiceProcess awaitLeader(List<ServiceProcess> candidates) throws Exception {
        long deadline = System.nanoTime() + HANDOVER.toNanos();
        while (System.nanoTime() < deadline) {
            for (ServiceProcess candidate : candidates) {
                if ("leader".equals(role(candidate))) {
                    return candidate;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No leader among " + candidates + " after " + HANDOVER);
    }

    private String role(ServiceProcess service) {
        try {
            JsonObject health = json(get(service.baseUrl() + "/q/health/ready"));
            for (JsonValue check : health.getJsonArray("checks")) {
                if ("projection-leadership".equals(check.asJsonObject().getString("name"))) {
                    return check.asJsonObject().getJsonObject("data").getString("role");
                }
            }
        } catch (Exception e) {
            return "down";
        }
        return "unknown";
    }

    /** Both serve byte-identical answers (same version, same figures) once they have settled. */
    private String awaitSameAnswer(ServiceProcess a, ServiceProcess b) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String left = null;
        String right = null;
        while (System.nanoTime() < deadline) {
            left = get(a.baseUrl() + "/api/v1/feasibility");
            right = get(b.baseUrl() + "/api/v1/feasibility");
            JsonObject answer = json(left);
            if (left.equals(right) && !answer.isNull("simulation") && answer.getJsonObject("simulation").getBoolean("current")
                    && answer.getJsonObject("inputs").getInt("fabs") == 1) {
                return left;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The replicas never served the same answer:\n" + left + "\n" + right);
    }

    private void awaitAnswer(ServiceProcess service, java.util.function.Predicate<JsonObject> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = json(get(service.baseUrl() + "/api/v1/feasibility"));
            if (condition.test(last)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The new leader never published the change; last: " + last);
    }

    private static List<Long> versions(String bootstrap) {
        List<Long> versions = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "two-projections-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(ScoreTopics.SCORES));
            long quietUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < quietUntil) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    versions.add(json(record.value()).getJsonNumber("aggregateVersion").longValue());
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return versions;
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
