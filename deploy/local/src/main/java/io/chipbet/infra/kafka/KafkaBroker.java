package io.chipbet.infra.kafka;

import io.chipbet.infra.process.ParentBoundProcess;
import io.chipbet.infra.process.Ports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A real single-node Apache Kafka broker in KRaft mode, in a child JVM.
 *
 * <p>The broker's jars are Maven-resolved at build time (see this module's pom) and never join the
 * caller's classpath. The broker can be stopped and started again on the same ports and the same
 * data, which fault tests rely on.
 */
public final class KafkaBroker {

    private static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final Path pidFile;
    /** Read without the lock by {@link #command} and {@link #exited}: a kill must not wait for a stop. */
    private volatile ParentBoundProcess process;

    public KafkaBroker(Path directory, int port, int controllerPort) {
        this(directory, port, controllerPort, null);
    }

    /** @param pidFile where the broker's pid is written while it runs, or null */
    public KafkaBroker(Path directory, int port, int controllerPort, Path pidFile) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.pidFile = pidFile;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path config = writeConfig();
            Path log = directory.resolve("broker.log");
            if (!Files.exists(directory.resolve("data/meta.properties"))) {
                format(config, log);
            }
            List<String> command = javaCommand("kafka.Kafka", config.toString());
            process = ParentBoundProcess.start("kafka", List.of(), command, "TERM", Map.of(), log, pidFile);
            long logStart = Files.size(log);
            Ports.await("Kafka broker on port " + port, START_TIMEOUT, process,
                    () -> Ports.isListening(port) && logSince(log, logStart).contains("Kafka Server started"));
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker could not start in " + directory, e);
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

    /** The broker's own process while it runs (needs a pid file). */
    public Optional<ProcessHandle> command() {
        ParentBoundProcess current = process;
        return current == null ? Optional.empty() : current.command();
    }

    /** Completes with the broker's exit status when the running broker ends; never, if none runs. */
    public CompletableFuture<Integer> exited() {
        ParentBoundProcess current = process;
        return current == null ? new CompletableFuture<>() : current.exited();
    }

    private void format(Path config, Path log) throws IOException {
        List<String> command = javaCommand("kafka.tools.StorageTool",
                "format", "--ignore-formatted", "--cluster-id=" + newClusterId(), "--config", config.toString());
        // A plain child, not parent-bound: it ends by itself within seconds, and its exit code tells.
        Process formatter = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            boolean finished = formatter.waitFor(START_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            if (!finished || formatter.exitValue() != 0 || !Files.exists(directory.resolve("data/meta.properties"))) {
                formatter.destroyForcibly();
                throw new IllegalStateException("Kafka storage format failed (" + (finished ? "exit " + formatter.exitValue()
                        : "timed out") + "); " + log + " ends with:\n" + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            formatter.destroyForcibly();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private static String tail(Path log) {
        String all = logSince(log, 0);
        return all.substring(Math.max(0, all.length() - 2000));
    }

    private List<String> javaCommand(String mainClass, String... arguments) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + writeLoggingConfig(),
                "-cp", brokerClasspath(),
                mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private Path writeConfig() throws IOException {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                // A single node: every replication factor must be 1.
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "group.initial.rebalance.delay.ms=0",
                // The default 128 MiB dedupe buffer does not fit the small broker heap.
                "log.cleaner.dedupe.buffer.size=8388608",
                "");
        Path config = directory.resolve("server.properties");
        Files.writeString(config, properties);
        return config;
    }

    private Path writeLoggingConfig() throws IOException {
        Path config = directory.resolve("log4j2.properties");
        Files.writeString(config, String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = OUT",
                "logger.kafka.name = org.apache.kafka",
                "logger.kafka.level = WARN",
                "logger.server.name = kafka.server.KafkaRaftServer",
                "logger.server.level = INFO",
                ""));
        return config;
    }

    private static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build deploy/local with ./mvnw first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private static String logSince(Path log, long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Kafka cluster ids are 16 random bytes, URL-safe base64 without padding. One that starts with '-'
     * reads as an option on the command line (1 in 32 did, failing the format), so draw again, as Kafka does.
     */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        String id;
        do {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
