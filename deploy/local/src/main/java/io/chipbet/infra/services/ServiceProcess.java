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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One chipbet service, run from its built {@code quarkus-run.jar} and bound to the launcher's life. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Every service's JVM: a small initial heap (without -Xms, the JVM sized it at a 64th of the machine's memory, and so
     * committed the whole maximum at start), a 64 MB code cache, 512 KB thread stacks and the serial collector. They took
     * projection-service from 323 to 259 MB resident idle, and from 324 to 266 MB under the write load (one round). The
     * maximum heap is each service's own: {@code chipbet.services.<name>.local-max-heap} in platform's shared defaults.
     */
    private static final List<String> COMMON_JVM = List.of("-Xms16m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:+UseSerialGC");
    private final String name;
    private final int port;
    private final Path jar;
    private final List<String> baseJvmOptions;
    private Map<String, String> environment;
    /** Extra JVM options for the next start, e.g. {@code -Dchipbet.fail-points=...} for the fault suite. */
    private List<String> jvmOptions = List.of();
    private Path logs;
    /** Read without the lock by {@link #command} and {@link #exited}: a kill must not wait for a stop. */
    private volatile ParentBoundProcess process;

    public ServiceProcess(String name, int port, Path projectRoot) {
        this(name, name, port, projectRoot);
    }

    /**
     * A service run from {@code module}'s jar under a name of its own (its log and pid file are named after it),
     * e.g. a second projection-service replica.
     */
    public ServiceProcess(String name, String module, int port, Path projectRoot) {
        this.name = name;
        this.port = port;
        this.jar = projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        this.baseJvmOptions = with(COMMON_JVM, "-Xmx" + SharedDefaults.maxHeap(module));
    }

    /**
     * glibc's malloc gives threads that allocate natively (Netty, the JIT, Kafka's client) arenas of their own, up to 8
     * a core. Two are enough here: one write benchmark round measured 1-10 MB less resident per producing service.
     */
    private static Map<String, String> withProcessDefaults(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(Map.of("MALLOC_ARENA_MAX", "2"));
        all.putAll(environment);
        return all;
    }

    private static List<String> with(List<String> options, String option) {
        List<String> all = new ArrayList<>(options);
        all.add(option);
        return List.copyOf(all);
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The log it writes to (appended to on every start). */
    public Path log() {
        return logs == null ? null : logs.resolve(name + ".log");
    }

    /**
     * Starts it with {@code environment}, logging to {@code logs/NAME.log}; its pid goes to
     * {@code pids/NAME.pid} beside the log folder while it runs. Returns at once: see {@link #awaitReady}.
     */
    public synchronized void start(Map<String, String> environment, Path logs) {
        this.environment = Map.copyOf(environment);
        this.logs = logs;
        start();
    }

    /** JVM options for every later start (the current run keeps its own); none by default. */
    public synchronized void jvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
    }

    /** Starts it again as it was started before, e.g. after a crash or a stop. */
    public synchronized void start() {
        if (environment == null) {
            throw new IllegalStateException(name + " was never started with an environment");
        }
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -B install -DskipTests first");
        }
        try {
            Files.createDirectories(logs);
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(baseJvmOptions);
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            process = ParentBoundProcess.start(name, List.of(), command,
                    "TERM", withProcessDefaults(environment), logs.resolve(name + ".log"), pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not start", e);
        }
    }

    public void awaitReady(Duration timeout) {
        ParentBoundProcess current;
        synchronized (this) {
            current = process;
        }
        Ports.await(name + " readiness", timeout, current, this::isReady);
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    public synchronized List<ProcessHandle> processTree() {
        return process == null ? List.of() : process.processTree();
    }

    /** The service's JVM itself (not its guard) while it runs. */
    public Optional<ProcessHandle> command() {
        ParentBoundProcess current = process;
        return current == null ? Optional.empty() : current.command();
    }

    /** Completes with the JVM's exit status when the running process ends; never, if none runs. */
    public CompletableFuture<Integer> exited() {
        ParentBoundProcess current = process;
        return current == null ? new CompletableFuture<>() : current.exited();
    }

    private Path pidFile() {
        return logs.toAbsolutePath().resolveSibling("pids").resolve(name + ".pid");
    }

    public boolean isReady() {
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
