package io.chipbet.chaos;

import io.chipbet.infra.LocalInfrastructure;
import io.chipbet.infra.kafka.KafkaBroker;
import io.chipbet.infra.postgres.PostgresServer;
import io.chipbet.infra.process.Ports;
import io.chipbet.infra.security.LocalKeys;
import io.chipbet.infra.security.Tokens;
import io.chipbet.infra.services.LocalServices;
import io.chipbet.infra.services.ServiceProcess;
import io.chipbet.infra.supervise.Supervised;
import io.chipbet.infra.supervise.Supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The system under test, as production runs it: a Kafka broker, a PostgreSQL server (fsync and synchronous
 * commit on: an acknowledged commit must survive a crash of the server) and the four built services, each
 * {@code java -jar} with the prod profile, on random loopback ports in a folder of its own, so that a
 * {@code ./chipbet up} beside it (fixed ports) is never touched. A {@link Supervisor} keeps the services
 * running, as the launcher and Kubernetes do: a service that dies is started again after its back-off. The
 * broker and the database server are the faults' to stop and start.
 */
public final class Stack implements AutoCloseable {

    public static final List<String> PRODUCERS = List.of("funding-service", "fab-service", "talent-service");
    public static final String PROJECTION = "projection-service";
    /** The second projection replica of F6. */
    public static final String PROJECTION_B = "projection-service-b";

    private final Path directory;
    private final Path project;
    private final LocalInfrastructure infrastructure;
    private final LocalKeys keys;
    private final Tokens tokens;
    private final Supervisor supervisor;
    private final Map<String, ServiceProcess> services = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    private final Path log;

    private Stack(Path directory, Path project) {
        this.directory = directory;
        this.project = project;
        this.log = directory.resolve("logs/chaos.log");
        this.infrastructure = new LocalInfrastructure(
                new KafkaBroker(directory.resolve("kafka"), Ports.freeLoopbackPort(), Ports.freeLoopbackPort(),
                        directory.resolve("pids/kafka.pid")),
                new PostgresServer(directory.resolve("postgres"), Ports.freeLoopbackPort(), true,
                        directory.resolve("pids/postgres.pid")));
        this.keys = LocalKeys.in(directory.resolve("keys"));
        this.tokens = new Tokens(keys);
        this.supervisor = new Supervisor(directory.resolve("status"), this::note);
    }

    /** Starts everything from empty storage in {@code directory} (deleted first) and returns once every service is ready. */
    public static Stack start(Path directory, Path project) {
        deleteRecursively(directory);
        Stack stack = new Stack(directory, project);
        try {
            stack.infrastructure.start();
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String name : LocalServices.FIXED_PORTS.keySet()) {
                ports.put(name, Ports.freeLoopbackPort());
            }
            LocalServices services = LocalServices.start(project, stack.infrastructure, stack.keys, ports,
                    directory.resolve("logs"), stack.started);
            for (ServiceProcess service : services.processes()) {
                stack.services.put(service.name(), service);
                stack.supervisor.starting(Supervised.service(service));
                stack.supervisor.up(service.name());
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public Tokens tokens() {
        return tokens;
    }

    public LocalKeys keys() {
        return keys;
    }

    public String bootstrapServers() {
        return infrastructure.kafka().bootstrapServers();
    }

    public Path directory() {
        return directory;
    }

    /** Base URL of a service by its name, e.g. {@code fab-service}. */
    public String url(String service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        return process.baseUrl();
    }

    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /** A connection to one of the services' databases (funding, fab, talent, projection) or {@code postgres}. */
    public Connection database(String database) throws SQLException {
        Connection connection = DriverManager.getConnection(infrastructure.postgres().jdbcUrl(database), PostgresServer.USER, "");
        try (Statement statement = connection.createStatement()) {
            // The suite reads while F10 makes the server refuse writes; its own session must not be refused.
            statement.execute("set default_transaction_read_only = off");
            statement.execute("set statement_timeout = '30s'");
        }
        return connection;
    }

    // ------------------------------------------------------------------------------------ service faults

    /** SIGKILL, as a crash would end it; the supervisor starts it again after its back-off. Waits until it is back. */
    public Duration kill9(String service, Duration readyWithin) {
        long since = System.nanoTime();
        supervisor.kill(service, false);
        awaitReady(service, readyWithin);
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /**
     * SIGKILL, held down until {@link #restart}. A service that stopped itself (a projection leader that lost the
     * database) may be starting again under the supervisor, with no process yet to kill: then its start is awaited.
     */
    public void kill9AndHold(String service) {
        supervisor.kill(service, true); // one being started is held once its start is over
    }

    /** SIGTERM (the graceful path a rollout takes), then a new start; returns once it is ready again. */
    public Duration restart(String service) {
        long since = System.nanoTime();
        supervisor.restart(service);
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** Starts {@code service} again with these JVM options (e.g. an armed fail-point); SIGTERM to the running one first. */
    public void restartWith(String service, List<String> jvmOptions) {
        services.get(service).jvmOptions(jvmOptions);
        restart(service);
    }

    public void awaitReady(String service, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        ServiceProcess process = services.get(service);
        while (!(process.isReady() && supervisor.status().stream().anyMatch(line -> line.startsWith(service + "\tup\t")))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service + " is not back within " + within.toSeconds() + " s; "
                        + supervisor.status());
            }
            sleep(Duration.ofMillis(200));
        }
    }

    /** A second projection replica beside the first, on the same database and topics; it follows until it leads. */
    public void startSecondProjection() {
        ServiceProcess replica = new ServiceProcess(PROJECTION_B, PROJECTION, Ports.freeLoopbackPort(), project);
        Map<String, String> environment = new LinkedHashMap<>(
                LocalServices.environment(infrastructure, keys, PROJECTION, replica.port()));
        environment.put("CHIPBET_PROJECTION_LEADERSHIP_INSTANCE", PROJECTION_B);
        started.add(replica);
        replica.start(environment, directory.resolve("logs"));
        replica.awaitReady(LocalServices.READY_TIMEOUT);
        services.put(PROJECTION_B, replica);
        supervisor.starting(Supervised.service(replica));
        supervisor.up(PROJECTION_B);
    }

    /** Stops the second replica (SIGTERM) and forgets it. */
    public void stopSecondProjection() {
        ServiceProcess replica = services.remove(PROJECTION_B);
        if (replica != null) {
            supervisor.release(PROJECTION_B);
            replica.stop();
        }
    }

    /** The projection replicas running now (one, or two during F6). */
    public List<String> projections() {
        return services.keySet().stream().filter(name -> name.startsWith(PROJECTION)).toList();
    }

    // ------------------------------------------------------------------------------------- broker faults

    /** SIGKILL to the broker; it stays down until {@link #startKafka}. */
    public void kill9Kafka() {
        KafkaBroker kafka = infrastructure.kafka();
        ProcessHandle broker = kafka.command().orElseThrow(() -> new IllegalStateException("the broker is not running"));
        broker.destroyForcibly();
        awaitExit(broker, "the broker");
        kafka.stop(); // its guard, and its pid file
    }

    /** A clean stop (SIGTERM: the broker flushes and closes its logs). */
    public void stopKafka() {
        infrastructure.kafka().stop();
    }

    public void startKafka() {
        infrastructure.kafka().start();
    }

    // ----------------------------------------------------------------------------------- database faults

    /** {@code pg_ctl stop -m immediate}: SIGQUIT to the postmaster, no checkpoint; the next start recovers from the WAL. */
    public void stopPostgresImmediately() {
        PostgresServer postgres = infrastructure.postgres();
        ProcessHandle postmaster = postgres.command().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        run("kill", "-QUIT", String.valueOf(postmaster.pid()));
        awaitExit(postmaster, "the postmaster");
        postgres.stop(); // its guard, and its pid file
    }

    public void startPostgres() {
        infrastructure.postgres().start();
    }

    /**
     * The server refuses every write from now on (or accepts them again), as a full disk or a read-only data
     * directory would make it: {@code default_transaction_read_only} for every session, set in
     * {@code postgresql.auto.conf} and reloaded, so sessions already open are refused too. Reads go on.
     */
    public void refuseWrites(boolean refuse) {
        try (Connection connection = database("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(refuse ? "alter system set default_transaction_read_only = on"
                    : "alter system reset default_transaction_read_only");
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + (refuse ? "refuse" : "allow") + " writes", e);
        }
        // A reload reaches each backend when it next reads a command; wait until a fresh session sees it.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = DriverManager.getConnection(infrastructure.postgres().jdbcUrl("postgres"), PostgresServer.USER, "");
                 Statement statement = connection.createStatement();
                 var result = statement.executeQuery("show default_transaction_read_only")) {
                result.next();
                if (result.getString(1).equals(refuse ? "on" : "off")) {
                    return;
                }
            } catch (SQLException e) {
                // try again
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("default_transaction_read_only did not change within 10 s");
    }

    // ------------------------------------------------------------------------------------------- misc

    /** How many lines of the logs of a service's replicas ({@code projection-service}, {@code projection-service-b}) contain a text. */
    public long logLinesContaining(String service, String text) {
        try (var files = Files.list(directory.resolve("logs"))) {
            long lines = 0;
            for (Path file : files.filter(f -> f.getFileName().toString().matches(java.util.regex.Pattern.quote(service) + "(-[a-z])?\\.log")).toList()) {
                // As bytes, not UTF-8: a line a kill -9 cut mid-character must not make the whole file unreadable.
                try (var content = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    lines += content.filter(line -> line.contains(text)).count();
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line in the suite's own log (what the supervisor did, which fault ran when). */
    public synchronized void note(String line) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + line + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> supervisorStatus() {
        return supervisor.status();
    }

    @Override
    public void close() {
        supervisor.close();
        LocalServices.stopAll(new ArrayList<>(started));
        infrastructure.close();
    }

    private static void awaitExit(ProcessHandle process, String what) {
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(what + " (pid " + process.pid() + ") did not exit within 30 s", e);
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
