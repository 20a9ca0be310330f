package io.chipbet.infra;

import io.chipbet.infra.load.LoadMain;
import io.chipbet.infra.process.Ports;
import io.chipbet.infra.security.LocalKeys;
import io.chipbet.infra.security.Tokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import io.chipbet.infra.services.LocalServices;
import io.chipbet.infra.services.ServiceProcess;
import io.chipbet.infra.supervise.ControlChannel;
import io.chipbet.infra.supervise.Supervised;
import io.chipbet.infra.supervise.Supervisor;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code infra [--dir DIR] [--project DIR] [--random-ports] [--with-services [--load FILE]] [--stdin-lifeline]}: starts the local
 * Kafka broker and PostgreSQL server, writes their addresses to {@code DIR/infra.env}, prints {@code READY}, and
 * runs until it is stopped (or, with {@code --stdin-lifeline}, until its standard input closes). The servers go
 * with it, however it ends. With {@code --with-services} it also runs the four built services against them, on
 * their fixed ports (platform's shared defaults, {@code chipbet.services.*}), and with {@code --load} loads a data file through their APIs.
 *
 * <p>It says what it does as it does it, each step with its time. It keeps what it started running (see
 * {@link Supervisor}), writes each process's pid to {@code DIR/pids/NAME.pid} and its own to
 * {@code DIR/pids/launcher.pid}, and takes requests from {@code ./chipbet restart} and {@code ./chipbet kill}
 * through {@code DIR/control} (see {@link ControlChannel}). One launcher at a time runs on a folder.
 */
public final class Main {

    static final String USAGE = "usage: Main [--dir DIR] [--project DIR] [--random-ports] [--with-services [--load FILE]] [--stdin-lifeline]";

    /** Set once the shutdown began: a start that fails then was stopped, it did not fail. */
    private static volatile boolean stopping;

    private Main() {
    }

    /** @param project where the services' built jars are: {@code --project}, else the folder that holds {@code --dir} */
    record Options(Path directory, Path project, boolean randomPorts, boolean withServices, Path load, boolean stdinLifeline) {

        static Options parse(String... args) {
            Path directory = Path.of(".chipbet");
            Path project = null;
            boolean randomPorts = false;
            boolean withServices = false;
            Path load = null;
            boolean lifeline = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dir" -> directory = Path.of(value(args, ++i, "--dir"));
                    case "--load" -> load = Path.of(value(args, ++i, "--load"));
                    case "--project" -> project = Path.of(value(args, ++i, "--project"));
                    case "--random-ports" -> randomPorts = true;
                    case "--with-services" -> withServices = true;
                    case "--stdin-lifeline" -> lifeline = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (load != null && !withServices) {
                throw new IllegalArgumentException("--load needs --with-services");
            }
            directory = directory.toAbsolutePath();
            return new Options(directory, project == null ? directory.getParent() : project.toAbsolutePath(),
                    randomPorts, withServices, load, lifeline);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length || args[index].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        Path directory = options.directory();
        Files.createDirectories(directory.resolve("pids"));
        FileLock lock = FileChannel.open(directory.resolve("launcher.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE).tryLock();
        if (lock == null) {
            System.err.println("Another launcher is running on " + directory + " (pid in " + directory.resolve("pids/launcher.pid")
                    + "); stop it with ./chipbet down");
            System.exit(1);
        }
        Path launcherPid = directory.resolve("pids/launcher.pid");
        Files.writeString(launcherPid, ProcessHandle.current().pid() + "\n");

        LocalInfrastructure infrastructure = options.randomPorts()
                ? LocalInfrastructure.forTests(directory)
                : LocalInfrastructure.forLocalRun(directory, LocalInfrastructure.LocalPorts.DEFAULT);
        Supervisor supervisor = new Supervisor(directory.resolve("status"), Main::say);
        List<ServiceProcess> running = new CopyOnWriteArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        ControlChannel[] control = new ControlChannel[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            long started = System.nanoTime();
            say("Stopping ...");
            if (control[0] != null) {
                control[0].close();
            }
            supervisor.close();
            if (!running.isEmpty()) {
                LocalServices.stopAll(running);
                say("  services stopped in " + since(started));
            }
            long infra = System.nanoTime();
            infrastructure.close();
            say("  Kafka and PostgreSQL stopped in " + since(infra));
            supervisor.deleteStatus();
            try {
                Files.deleteIfExists(launcherPid);
                lock.release();
            } catch (IOException ignored) {
                // The next launcher checks the pid before it trusts the file.
            }
            say("Stopped in " + since(started) + ".");
            stopped.countDown();
        }, "chipbet-infra-stop"));

        try {
            run(options, infrastructure, supervisor, running, control);
        } catch (RuntimeException e) {
            if (stopping) {
                stopped.await(); // stopped on purpose while starting: the shutdown says so
                return;
            }
            System.out.flush();
            System.err.println();
            System.err.println("chipbet could not start: " + e.getMessage());
            System.err.flush();
            System.exit(1);

        }

        if (options.stdinLifeline()) {
            // Ends when the parent that started us closes our stdin or goes away.
            while (System.in.read() != -1) {
                // Nothing is expected on stdin.
            }
            System.exit(0);
        }
        stopped.await();
    }

    private static void run(Options options, LocalInfrastructure infrastructure, Supervisor supervisor,
                            List<ServiceProcess> running, ControlChannel[] control) throws IOException {
        Path directory = options.directory();
        if (!options.randomPorts()) {
            refuseTakenPorts(options.withServices());
        }
        say("Starting Kafka and PostgreSQL ...");
        supervisor.starting(Supervised.kafka(infrastructure.kafka()));
        supervisor.starting(Supervised.postgres(infrastructure.postgres()));
        infrastructure.start((server, took) -> {
            if (server.equals("kafka")) {
                say(String.format(Locale.ROOT, "  %-11s %-22s ready in %s", "Kafka", infrastructure.kafka().bootstrapServers(), seconds(took)));
            } else {
                say(String.format(Locale.ROOT, "  %-11s %-22s ready in %s (databases %s)", "PostgreSQL",
                        "127.0.0.1:" + infrastructure.postgres().port(), seconds(took),
                        String.join(", ", LocalInfrastructure.SERVICE_DATABASES)));
            }
            supervisor.up(server);
        });
        LocalKeys keys = LocalKeys.in(directory.resolve("keys"));
        writeEnvironment(directory.resolve("infra.env"), infrastructure, keys);
        if (options.randomPorts()) {
            System.out.println("pids " + infrastructure.processTree().stream()
                    .map(handle -> String.valueOf(handle.pid())).collect(Collectors.joining(" ")));
        }
        control[0] = ControlChannel.open(directory.resolve("control"), supervisor);

        if (options.withServices()) {
            startServices(directory, options.project(), infrastructure, keys, supervisor, running);
            if (options.load() != null) {
                try {
                    LoadMain.run(options.load(), new Tokens(keys).editor(), LoadMain.LOCAL_SERVICES, System.out, false);
                } catch (Exception e) {
                    throw new IllegalStateException("loading " + options.load() + " failed: " + e.getMessage(), e);
                }
            } else {
                System.out.println();
            }
            System.out.println();
            String projection = LoadMain.LOCAL_SERVICES.get("projection");
            System.out.println("Dashboard  " + projection + "/");
            System.out.println("Score      " + projection + "/api/v1/feasibility   (live: /api/v1/feasibility/stream, inputs: /api/v1/inputs)");
            running.forEach(service -> System.out.printf("Swagger UI %s/q/swagger-ui   (%s)%n", service.baseUrl(), service.name()));
            // One topic per kcat: given several -t, kcat reads only the last one.
            System.out.println("Events     for topic in " + topicsOnTheBroker(infrastructure.kafka().bootstrapServers())
                    + "; do kcat -b " + infrastructure.kafka().bootstrapServers()
                    + " -C -e -q -t $topic -f '%t  key %k\\nHeaders: %h\\n%s\\n\\n'; done");
            System.out.println("Write      TOKEN=$(./chipbet token); curl -H \"Authorization: Bearer $TOKEN\" ...");
            System.out.println("Status     ./chipbet status   (restarts: ./chipbet restart SERVICE)");
            System.out.println("Stop       ./chipbet down   (Ctrl-C, if ./chipbet up runs in the foreground)");
        } else {
            System.out.println("Environment for the services' dev mode: " + directory.resolve("infra.env"));
        }
        System.out.println("READY");
        System.out.flush();
    }

    private static void startServices(Path directory, Path project, LocalInfrastructure infrastructure, LocalKeys keys,
                                      Supervisor supervisor, List<ServiceProcess> running) {
        say("Starting the services ...");
        Map<String, ServiceProcess> byName = new LinkedHashMap<>();
        try {
            LocalServices.start(project, infrastructure, keys, LocalServices.FIXED_PORTS,
                    directory.resolve("logs"), running, new LocalServices.Listener() {
                        @Override
                        public void started(ServiceProcess service) {
                            byName.put(service.name(), service);
                            supervisor.starting(Supervised.service(service));
                        }

                        @Override
                        public void ready(ServiceProcess service, Duration took) {
                            say(String.format(Locale.ROOT, "  %-19s %-22s ready in %s", service.name(), service.baseUrl(), seconds(took)));
                            supervisor.up(service.name());
                        }
                    });
        } catch (RuntimeException e) {
            String failing = byName.values().stream().filter(service -> !service.isReady()).map(ServiceProcess::name)
                    .collect(Collectors.joining(", "));
            StringBuilder message = new StringBuilder(e.getMessage());
            for (ServiceProcess service : byName.values()) {
                if (failing.contains(service.name()) && service.log() != null) {
                    message.append("\n").append(service.log()).append(" ends with:\n").append(tail(service.log(), 15));
                }
            }
            throw new IllegalStateException(message.toString(), e);
        }
    }

    /** The fixed ports must be free: a leftover server there would take our place unnoticed. */
    private static void refuseTakenPorts(boolean withServices) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        LocalInfrastructure.LocalPorts local = LocalInfrastructure.LocalPorts.DEFAULT;
        ports.put(local.kafka(), "Kafka");
        ports.put(local.kafkaController(), "Kafka's controller");
        ports.put(local.postgres(), "PostgreSQL");
        if (withServices) {
            LocalServices.FIXED_PORTS.forEach((name, port) -> ports.put(port, name));
        }
        List<String> taken = new ArrayList<>();
        ports.forEach((port, user) -> {
            if (Ports.isListening(port)) {
                taken.add(port + " (" + user + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("port" + (taken.size() > 1 ? "s " : " ") + String.join(", ", taken)
                    + (taken.size() > 1 ? " are" : " is") + " in use; ./chipbet status shows by whom, ./chipbet down stops a leftover chipbet");
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(line -> "    " + line).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "    (unreadable: " + e.getMessage() + ")";
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static String since(long nanos) {
        return seconds(Duration.ofNanos(System.nanoTime() - nanos));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
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

    /** The event topics the services have written to, space-separated: their names are platform's, not the launcher's. */
    private static String topicsOnTheBroker(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith("chipbet.") && !topic.contains(".unrouted.") && !topic.contains(".dead-letter."))
                    .sorted().collect(Collectors.joining(" "));
        } catch (Exception e) {
            return "<topic>";
        }
    }
}
