package io.chipbet.infra.services;

import io.chipbet.infra.LocalInfrastructure;
import io.chipbet.infra.security.LocalKeys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The services, each in its own JVM on its own port and database, started together and awaited. */
public final class LocalServices implements AutoCloseable {

    /** The local run's fixed ports by service name, as platform's shared defaults list them ({@code chipbet.services.<name>.port}). */
    public static final Map<String, Integer> FIXED_PORTS = SharedDefaults.servicePorts();

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
        List<ServiceProcess> processes = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : ports.entrySet()) {
            String name = entry.getKey();
            String database = database(name);
            ServiceProcess service = new ServiceProcess(name, entry.getValue(), projectRoot);
            // The reference loader finds what it created by its Idempotency-Keys, so the local run keeps them.
            service.start(Map.of(
                    "QUARKUS_HTTP_PORT", String.valueOf(entry.getValue()),
                    "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka().bootstrapServers(),
                    "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:" + infrastructure.postgres().port() + "/" + database,
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", "",
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toUri().toString(),
                    "MP_JWT_VERIFY_ISSUER", LocalKeys.ISSUER,
                    "CHIPBET_IDEMPOTENCY_RETENTION", "3650d"), logs);
            started.add(service);
            processes.add(service);
        }
        processes.forEach(service -> service.awaitReady(Duration.ofSeconds(180)));
        return new LocalServices(processes);
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

    @Override
    public void close() {
        processes.forEach(ServiceProcess::stop);
    }
}
