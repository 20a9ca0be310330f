package io.chipbet.infra.postgres;

import io.chipbet.infra.process.ParentBoundProcess;
import io.chipbet.infra.process.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server from installed (or unpacked) binaries, trust-authenticated on loopback.
 *
 * <p>{@code initdb} and {@code postgres} refuse to run as root. As root they run in a new user
 * namespace ({@code unshare -U}), where this user is unmapped and so not root; where that is not
 * allowed, {@code setpriv} drops to {@code nobody} instead.
 */
public final class PostgresServer {

    public static final String USER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final int port;
    private final boolean durable;
    private final Path pidFile;
    /** Read without the lock by {@link #command} and {@link #exited}: a kill must not wait for a stop. */
    private volatile ParentBoundProcess process;

    /**
     * @param durable false turns fsync off: fine for throw-away test data, never for the local run
     */
    public PostgresServer(Path directory, int port, boolean durable) {
        this(directory, port, durable, null);
    }

    /** @param pidFile where the postmaster's pid is written while it runs, or null */
    public PostgresServer(Path directory, int port, boolean durable, Path pidFile) {
        this.directory = directory;
        this.port = port;
        this.durable = durable;
        this.pidFile = pidFile;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Path bin = PostgresBinaries.locate();
            Files.createDirectories(directory);
            Path data = directory.resolve("data");
            Path log = directory.resolve("postgres.log");
            List<String> prefix = Unprivileged.prefix(directory);
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initdb(bin, prefix, data, log);
            }
            List<String> command = new ArrayList<>(List.of(bin.resolve("postgres").toString(),
                    "-D", data.toString(),
                    "-p", String.valueOf(port),
                    "-k", directory.toString(),
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", "max_connections=200"));
            if (!durable) {
                command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            }
            // SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for every client to leave.
            process = ParentBoundProcess.start("postgres", prefix, command, "INT", Map.of(), log, pidFile);
            Ports.await("PostgreSQL on port " + port, START_TIMEOUT, process, this::acceptsConnections);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL could not start in " + directory, e);
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    public synchronized List<ProcessHandle> processTree() {
        return process == null ? List.of() : process.processTree();
    }

    /** The postmaster's own process while it runs (needs a pid file). */
    public Optional<ProcessHandle> command() {
        ParentBoundProcess current = process;
        return current == null ? Optional.empty() : current.command();
    }

    /** Completes with the postmaster's exit status when the running server ends; never, if none runs. */
    public CompletableFuture<Integer> exited() {
        ParentBoundProcess current = process;
        return current == null ? new CompletableFuture<>() : current.exited();
    }

    /** Creates {@code database} unless it exists. */
    public void createDatabase(String database) {
        ensureDatabase(port, database);
    }

    /** Creates {@code database} on the server at {@code port} unless it exists. Names are chipbet's own. */
    public static void ensureDatabase(int port, String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement()) {
            var existing = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!existing.next()) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " on port " + port, e);
        }
    }

    private boolean acceptsConnections() {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void initdb(Path bin, List<String> prefix, Path data, Path log) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"));
        Process initdb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!initdb.waitFor(2, TimeUnit.MINUTES) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new IllegalStateException("initdb failed, see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            initdb.destroyForcibly();
            throw new IllegalStateException("Interrupted during initdb", e);
        }
    }
}
