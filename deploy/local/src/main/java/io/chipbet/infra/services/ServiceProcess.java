package io.chipbet.infra.services;

import io.chipbet.infra.process.ParentBoundProcess;
import io.chipbet.infra.process.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One chipbet service, run from its built {@code quarkus-run.jar} and bound to the launcher's life. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path jar;
    private ParentBoundProcess process;

    public ServiceProcess(String name, int port, Path projectRoot) {
        this.name = name;
        this.port = port;
        this.jar = projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public void start(Map<String, String> environment, Path logs) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -B install -DskipTests first");
        }
        try {
            Files.createDirectories(logs);
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            process = ParentBoundProcess.start(name, List.of(),
                    List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()),
                    "TERM", environment, logs.resolve(name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not start", e);
        }
    }

    public void awaitReady(Duration timeout) {
        Ports.await(name + " readiness", timeout, process, this::isReady);
    }

    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    public List<ProcessHandle> processTree() {
        return process == null ? List.of() : process.processTree();
    }

    private boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
