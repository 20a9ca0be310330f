package io.chipbet.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.infra.LocalInfrastructure;
import io.chipbet.infra.security.LocalKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * projection-service's image, run without a container runtime: its layers unpacked into a folder, its own
 * entrypoint and user (from the image's config) run in a chroot on a read-only bind of that folder with a tmpfs
 * /tmp, against a real Kafka and PostgreSQL. Its probes' paths must answer, and /q/health/ready must go UP.
 */
@Tag("kube-apiserver")
class ImageSmokeIT {

    private static final String SERVICE = "projection-service";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void theEntrypointServesItsProbes() throws Exception {
        Path tar = Manifests.ROOT.resolve(SERVICE).resolve("target/jib-image.tar");
        assertTrue(Files.exists(tar), tar + " is missing: build with -Pimages");
        Path image = directory.resolve("image");
        Path root = directory.resolve("root");
        Files.createDirectories(image);
        Files.createDirectories(root);
        run(List.of("tar", "-xf", tar.toString(), "-C", image.toString()));
        JsonNode index = JSON.readTree(image.resolve("index.json").toFile());
        JsonNode manifest = JSON.readTree(blob(image, index.path("manifests").get(0)).toFile());
        JsonNode config = JSON.readTree(blob(image, manifest.path("config")).toFile()).path("config");
        for (JsonNode layer : manifest.path("layers")) {
            run(List.of("tar", "-xzf", blob(image, layer).toString(), "-C", root.toString()));
        }
        LocalKeys keys = LocalKeys.in(directory.resolve("keys"));
        Files.createDirectories(root.resolve("etc/chipbet/keys"));
        Files.copy(keys.publicKey(), root.resolve("etc/chipbet/keys/jwt-public.pem"));

        try (LocalInfrastructure infrastructure = LocalInfrastructure.forTests(directory.resolve("infra")).start()) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> env = new ArrayList<>();
            config.path("Env").forEach(e -> env.add(e.asText()));
            env.addAll(List.of("QUARKUS_HTTP_PORT=" + port, "KAFKA_BOOTSTRAP_SERVERS=" + infrastructure.kafka().bootstrapServers(),
                    "QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:" + infrastructure.postgres().port() + "/projection",
                    "QUARKUS_DATASOURCE_USERNAME=postgres", "QUARKUS_DATASOURCE_PASSWORD=",
                    // As under the manifests' memory limit: the heap is 75 % of it.
                    "JAVA_TOOL_OPTIONS=-XX:MaxRAM=768m"));
            List<String> entrypoint = new ArrayList<>();
            config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
            String user = config.path("User").asText();
            assertEquals(ImageUser.UID + ":" + ImageUser.UID, user, "the image's user");
            // A private mount namespace: the root read-only, /proc and a tmpfs /tmp on it, then chroot as the image's user.
            String script = String.join(" && ", List.of(
                    "mount --bind \"$ROOT\" \"$ROOT\"", "mount -o remount,bind,ro \"$ROOT\"",
                    "mount -t proc proc \"$ROOT/proc\"", "mount -t tmpfs -o size=256m,mode=1777 tmpfs \"$ROOT/tmp\"",
                    "cd \"$ROOT\"", "exec chroot --userspec=" + user + " \"$ROOT\" /usr/bin/env -i \"$@\""));
            List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "sh", "-c", script, "smoke"));
            command.addAll(env);
            command.add("sh");
            command.add("-c");
            command.add("cd " + config.path("WorkingDir").asText("/") + " && exec \"$0\" \"$@\"");
            command.addAll(entrypoint);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(directory.resolve("service.log").toFile());
            builder.environment().put("ROOT", root.toString());
            Instant started = Instant.now();
            Process process = builder.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + port;
                Instant deadline = started.plus(Duration.ofSeconds(240));
                String ready = "";
                while (Instant.now().isBefore(deadline) && !ready.contains("\"UP\"")) {
                    assertTrue(process.isAlive(), "the entrypoint exited: " + Files.readString(directory.resolve("service.log")));
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        ready = response.statusCode() == 200 ? response.body() : "";
                    } catch (java.io.IOException notYet) {
                        // not listening yet
                    }
                    Thread.sleep(500);
                }
                assertTrue(ready.contains("\"UP\""), "/q/health/ready never went UP: " + Files.readString(directory.resolve("service.log")));
                System.out.printf("%s's image: ready in %.1f s%n", SERVICE, Duration.between(started, Instant.now()).toMillis() / 1000.0);
                // Every probe the manifests give this service answers.
                JsonNode container = Manifests.one(Manifests.rendered("prod"), "Deployment", SERVICE)
                        .path("spec").path("template").path("spec").path("containers").get(0);
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    String path = container.path(probe).path("httpGet").path("path").asText();
                    assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode(), probe + " " + path);
                }
                assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode(), "the scrape path");
                // In prod the service logs one JSON object a line, as a log pipeline reads them.
                JsonNode startLine = Files.readAllLines(directory.resolve("service.log")).stream()
                        .filter(line -> line.startsWith("{") && line.contains("started in")).findFirst().map(ImageSmokeIT::json)
                        .orElseThrow(() -> new AssertionError("no JSON log line says the service started"));
                assertEquals("INFO", startLine.path("level").asText(), startLine.toString());
                assertTrue(startLine.path("timestamp").isTextual() && startLine.path("loggerName").isTextual(), startLine.toString());
                // The footprint the manifests' requests rest on: RSS after 30 s idle.
                Thread.sleep(30_000);
                ProcessHandle java = process.toHandle().descendants()
                        .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar")).findFirst().orElseThrow();
                String rss = Files.readAllLines(Path.of("/proc/" + java.pid() + "/status")).stream()
                        .filter(l -> l.startsWith("VmRSS")).findFirst().orElseThrow();
                System.out.printf("%s's image: %s after 30 s idle, uid %s%n", SERVICE, rss.replaceAll("\\s+", " "),
                        Files.readAllLines(Path.of("/proc/" + java.pid() + "/status")).stream().filter(l -> l.startsWith("Uid")).findFirst().orElseThrow());
            } finally {
                process.toHandle().descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private static Path blob(Path image, JsonNode descriptor) {
        return image.resolve("blobs/sha256").resolve(descriptor.path("digest").asText().substring("sha256:".length()));
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, process.waitFor(), String.join(" ", command));
    }

}
