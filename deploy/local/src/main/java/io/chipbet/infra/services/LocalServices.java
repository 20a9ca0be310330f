package io.chipbet.infra.services;

import io.chipbet.infra.LocalInfrastructure;
import io.chipbet.infra.security.LocalKeys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The services, each in its own JVM on its own port and database, started together and awaited. */
public final class LocalServices implements AutoCloseable {

    /** The local run's fixed ports by service name, as platform's shared defaults list them ({@code chipbet.services.<name>.port}). */
    public static final Map<String, Integer> FIXED_PORTS = SharedDefaults.servicePorts();

    /** How long a service may take to become ready. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final List<ServiceProcess> processes;

    private LocalServices(List<ServiceProcess> processes) {
        this.processes = processes;
    }

    /**
     * @param projectRoot where the services' {@code target/quarkus-app} folders are
     * @param started     receives each process as it starts, so a caller can stop what did start if a later one fails
     */
    public static LocalServices start(Path projectRoot, LocalInfrastructure infrastructure, LocalKeys keys,
                                      Map<String, Integer> ports, Path logs, List<ServiceProcess> started) {
        return start(projectRoot, infrastructure, keys, ports, logs, started, new Listener() { });
    }

    /** Hears of each service as it starts and as it becomes ready. */
    public interface Listener {
        default void started(ServiceProcess service) {
        }

        /** From the thread that waited for it; {@code took} counts from when the services were started. */
        default void ready(ServiceProcess service, Duration took) {
        }
    }

    /** As above; all are started at once and awaited in parallel, and {@code listener} hears of each at once. */
    public static LocalServices start(Path projectRoot, LocalInfrastructure infrastructure, LocalKeys keys,
                                      Map<String, Integer> ports, Path logs, List<ServiceProcess> started,
                                      Listener listener) {
        long since = System.nanoTime();
        List<ServiceProcess> processes = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : ports.entrySet()) {
            String name = entry.getKey();
            ServiceProcess service = new ServiceProcess(name, entry.getValue(), projectRoot);
            service.start(environment(infrastructure, keys, name, entry.getValue()), logs);
            started.add(service);
            processes.add(service);
            listener.started(service);
        }
        ExecutorService executor = Executors.newFixedThreadPool(processes.size(), runnable -> {
            Thread thread = new Thread(runnable, "chipbet-service-ready");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // The first that fails ends the wait: the others need not be awaited for a start that failed.
            CompletableFuture<Void> failed = new CompletableFuture<>();
            CompletableFuture<?>[] readiness = processes.stream().map(service -> CompletableFuture.runAsync(() -> {
                service.awaitReady(READY_TIMEOUT);
                listener.ready(service, Duration.ofNanos(System.nanoTime() - since));
            }, executor).whenComplete((ignored, error) -> {
                if (error != null) {
                    failed.completeExceptionally(error);
                }
            })).toArray(CompletableFuture[]::new);
            CompletableFuture.anyOf(CompletableFuture.allOf(readiness), failed).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            executor.shutdown();
        }
        return new LocalServices(processes);
    }

    /** What a service process is started with: its port, the local Kafka and its own database, and the key that checks tokens. */
    public static Map<String, String> environment(LocalInfrastructure infrastructure, LocalKeys keys, String name, int port) {
        String database = database(name);
        // The reference loader finds what it created by its Idempotency-Keys, so the local run keeps them.
        return Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka().bootstrapServers(),
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:" + infrastructure.postgres().port() + "/" + database,
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toUri().toString(),
                "MP_JWT_VERIFY_ISSUER", LocalKeys.ISSUER,
                "CHIPBET_IDEMPOTENCY_RETENTION", "3650d",
                // Read in a terminal and by ./chipbet logs: plain text, although the local run is the prod profile.
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
    }

    public List<ServiceProcess> processes() {
        return processes;
    }

    /** Base URLs by short name: funding, fab, talent, projection. */
    public Map<String, String> baseUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        processes.forEach(service -> urls.put(database(service.name()), service.baseUrl()));
        return urls;
    }

    /** The local run's base URLs by short name, on the fixed ports. */
    public static Map<String, String> localBaseUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        FIXED_PORTS.forEach((name, port) -> urls.put(database(name), "http://127.0.0.1:" + port));
        return urls;
    }

    /** The local run's fixed Kafka, controller and PostgreSQL ports. */
    public static LocalInfrastructure.LocalPorts localPorts() {
        return new LocalInfrastructure.LocalPorts(SharedDefaults.localPort("kafka-port"), SharedDefaults.localPort("kafka-controller-port"),
                SharedDefaults.localPort("postgres-port"));
    }

    /** A service's short name, which is also its database: {@code fab} for {@code fab-service}. */
    public static String database(String service) {
        return service.substring(0, service.indexOf('-'));
    }

    /** Stops them all at once (each has its own grace period), so a stop takes as long as the slowest. */
    @Override
    public void close() {
        stopAll(processes);
    }

    public static void stopAll(List<ServiceProcess> services) {
        List<Thread> stopping = services.stream().map(service -> {
            Thread thread = new Thread(service::stop, "chipbet-stop-" + service.name());
            thread.start();
            return thread;
        }).toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
