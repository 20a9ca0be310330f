package io.chipbet.infra;

import io.chipbet.infra.security.LocalKeys;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import io.chipbet.infra.services.LocalServices;
import io.chipbet.infra.services.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code infra [--dir DIR] [--random-ports] [--with-services] [--stdin-lifeline]}: starts the local Kafka broker and
 * PostgreSQL server, writes their addresses to {@code DIR/infra.env}, prints {@code READY}, and runs
 * until it is stopped (or, with {@code --stdin-lifeline}, until its standard input closes). The
 * servers go with it, however it ends. With {@code --with-services} it also runs the built
 * services against them, on their fixed ports (platform's shared defaults, {@code chipbet.services.*}).
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
                ? LocalServices.start(directory.getParent(), infrastructure, keys, LocalServices.FIXED_PORTS,
                directory.resolve("logs"), running).processes() : List.of();
        System.out.printf("Kafka      %s%nPostgreSQL 127.0.0.1:%d (databases %s)%nstarted in %d ms%n",
                infrastructure.kafka().bootstrapServers(), infrastructure.postgres().port(),
                String.join(", ", LocalInfrastructure.SERVICE_DATABASES), infrastructureMillis);
        System.out.println("pids " + infrastructure.processTree().stream()
                .map(handle -> String.valueOf(handle.pid())).collect(Collectors.joining(" ")));
        if (!services.isEmpty()) {
            String data = option(arguments, "--load", null);
            if (data != null) {
                System.out.println("Loading " + data + " through the services' APIs ...");
                var result = new io.chipbet.infra.load.ReferenceLoader(new io.chipbet.infra.security.Tokens(keys).editor(),
                        io.chipbet.infra.load.LoadMain.LOCAL_SERVICES).load(Path.of(data), line -> System.out.println("  loaded " + line));
                System.out.printf("  %d sent, %d already there%n", result.sent(), result.alreadyThere());
            }
            String projection = io.chipbet.infra.load.LoadMain.LOCAL_SERVICES.get("projection");
            System.out.println();
            System.out.println(io.chipbet.infra.load.ScoreSummary.await(projection));
            System.out.println();
            System.out.println("Dashboard  " + projection + "/");
            System.out.println("Score      " + projection + "/api/v1/feasibility   (live: /api/v1/feasibility/stream, inputs: /api/v1/inputs)");
            services.forEach(service -> System.out.printf("Swagger UI %s/q/swagger-ui   (%s)%n", service.baseUrl(), service.name()));
            System.out.println("Events     kcat -b " + infrastructure.kafka().bootstrapServers() + " -C "
                    + topicsOnTheBroker(infrastructure.kafka().bootstrapServers()) + " -f 'Key: %k\\nHeaders: %h\\n%s\\n\\n'");
            System.out.println("Write      TOKEN=$(./chipbet token); curl -H \"Authorization: Bearer $TOKEN\" ...");
            System.out.println("Stop       Ctrl-C (or ./chipbet down)");
        }
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

    private static void writeEnvironment(Path file, LocalInfrastructure infrastructure, LocalKeys keys) throws IOException {
        Files.writeString(file, String.join("\n",
                "CHIPBET_KAFKA_BOOTSTRAP_SERVERS=" + infrastructure.kafka().bootstrapServers(),
                "CHIPBET_POSTGRES_PORT=" + infrastructure.postgres().port(),
                "KAFKA_BOOTSTRAP_SERVERS=" + infrastructure.kafka().bootstrapServers(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION=" + keys.publicKey().toUri(),
                "MP_JWT_VERIFY_ISSUER=" + LocalKeys.ISSUER,
                ""));
    }

    /** The topics the services have written to, as kcat options: their names are platform's, not the launcher's. */
    private static String topicsOnTheBroker(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith("chipbet.") && !topic.contains(".unrouted."))
                    .sorted().map(topic -> "-t " + topic).collect(Collectors.joining(" "));
        } catch (Exception e) {
            return "-t <topic>";
        }
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int index = arguments.indexOf(name);
        return index >= 0 && index + 1 < arguments.size() ? arguments.get(index + 1) : fallback;
    }
}
