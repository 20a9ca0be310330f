package io.chipbet.infra;

import io.chipbet.infra.security.LocalKeys;
import io.chipbet.infra.services.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code infra [--dir DIR] [--random-ports] [--with-services] [--stdin-lifeline]}: starts the local Kafka broker and
 * PostgreSQL server, writes their addresses to {@code DIR/infra.env}, prints {@code READY}, and runs
 * until it is stopped (or, with {@code --stdin-lifeline}, until its standard input closes). The
 * servers go with it, however it ends. With {@code --with-services} it also runs the four built
 * services against them, on ports 8080-8083.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        Path directory = Path.of(option(arguments, "--dir", ".chipbet")).toAbsolutePath();
        LocalInfrastructure infrastructure = arguments.contains("--random-ports")
                ? LocalInfrastructure.forTests(directory)
                : LocalInfrastructure.forLocalRun(directory, LocalInfrastructure.LocalPorts.DEFAULT);

        long started = System.nanoTime();
        infrastructure.start();
        long infrastructureMillis = (System.nanoTime() - started) / 1_000_000;
        CountDownLatch stopped = new CountDownLatch(1);
        List<ServiceProcess> running = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.forEach(ServiceProcess::stop);
            infrastructure.close();
            stopped.countDown();
        }, "chipbet-infra-stop"));

        LocalKeys keys = LocalKeys.in(directory.resolve("keys"));
        writeEnvironment(directory.resolve("infra.env"), infrastructure, keys);
        List<ServiceProcess> services = arguments.contains("--with-services")
                ? startServices(directory, infrastructure, keys, running) : List.of();
        System.out.printf("Kafka      %s%nPostgreSQL 127.0.0.1:%d (databases %s)%nstarted in %d ms%n",
                infrastructure.kafka().bootstrapServers(), infrastructure.postgres().port(),
                String.join(", ", LocalInfrastructure.SERVICE_DATABASES), infrastructureMillis);
        System.out.println("pids " + infrastructure.processTree().stream()
                .map(handle -> String.valueOf(handle.pid())).collect(Collectors.joining(" ")));
        services.forEach(service -> System.out.printf("%-19s %s  (OpenAPI: %s/q/swagger-ui)%n",
                service.name(), service.baseUrl(), service.baseUrl()));
        System.out.println("READY");
        System.out.flush();

        if (arguments.contains("--stdin-lifeline")) {
            // Ends when the parent that started us closes our stdin or goes away.
            while (System.in.read() != -1) {
                // Nothing is expected on stdin.
            }
            System.exit(0);
        }
        stopped.await();
    }

    /** The services, each on its fixed port and its own database, started together and awaited. */
    private static List<ServiceProcess> startServices(Path directory, LocalInfrastructure infrastructure, LocalKeys keys,
                                                      List<ServiceProcess> running) {
        Path root = directory.getParent();
        Map<String, Integer> ports = Map.of("funding-service", 8081, "fab-service", 8082,
                "talent-service", 8083, "projection-service", 8080);
        List<ServiceProcess> services = new ArrayList<>();
        for (String name : List.of("funding-service", "fab-service", "talent-service", "projection-service")) {
            String database = name.substring(0, name.indexOf('-'));
            ServiceProcess service = new ServiceProcess(name, ports.get(name), root);
            service.start(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka().bootstrapServers(),
                    "QUARKUS_DATASOURCE_REACTIVE_URL",
                    "postgresql://127.0.0.1:" + infrastructure.postgres().port() + "/" + database,
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", "",
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toUri().toString(),
                    "MP_JWT_VERIFY_ISSUER", LocalKeys.ISSUER), directory.resolve("logs"));
            running.add(service);
            services.add(service);
        }
        services.forEach(service -> service.awaitReady(Duration.ofSeconds(120)));
        return services;
    }

    private static void writeEnvironment(Path file, LocalInfrastructure infrastructure, LocalKeys keys) throws IOException {
        Files.writeString(file, String.join("\n",
                "CHIPBET_KAFKA_BOOTSTRAP_SERVERS=" + infrastructure.kafka().bootstrapServers(),
                "CHIPBET_POSTGRES_PORT=" + infrastructure.postgres().port(),
                "KAFKA_BOOTSTRAP_SERVERS=" + infrastructure.kafka().bootstrapServers(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION=" + keys.publicKey().toUri(),
                "MP_JWT_VERIFY_ISSUER=" + LocalKeys.ISSUER,
                ""));
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int index = arguments.indexOf(name);
        return index >= 0 && index + 1 < arguments.size() ? arguments.get(index + 1) : fallback;
    }
}
