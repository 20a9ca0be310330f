package io.chipbet.infra;

import io.chipbet.infra.kafka.KafkaBroker;
import io.chipbet.infra.postgres.PostgresServer;
import io.chipbet.infra.process.Ports;
import io.chipbet.infra.services.LocalServices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/** A Kafka broker and a PostgreSQL server, started together and stopped together. */
public final class LocalInfrastructure implements AutoCloseable {

    /** The databases chipbet's services own, one each: the service's short name. */
    public static final List<String> SERVICE_DATABASES = LocalServices.FIXED_PORTS.keySet().stream().map(LocalServices::database).toList();

    private final KafkaBroker kafka;
    private final PostgresServer postgres;

    public LocalInfrastructure(KafkaBroker kafka, PostgresServer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Random free loopback ports and throw-away storage: for tests. */
    public static LocalInfrastructure forTests(Path directory) {
        return new LocalInfrastructure(
                new KafkaBroker(directory.resolve("kafka"), Ports.freeLoopbackPort(), Ports.freeLoopbackPort(),
                        directory.resolve("pids/kafka.pid")),
                new PostgresServer(directory.resolve("postgres"), Ports.freeLoopbackPort(), false,
                        directory.resolve("pids/postgres.pid")));
    }

    /** Fixed ports and durable storage: for the local run. */
    public static LocalInfrastructure forLocalRun(Path directory, LocalPorts ports) {
        return new LocalInfrastructure(
                new KafkaBroker(directory.resolve("kafka"), ports.kafka(), ports.kafkaController(),
                        directory.resolve("pids/kafka.pid")),
                new PostgresServer(directory.resolve("postgres"), ports.postgres(), true,
                        directory.resolve("pids/postgres.pid")));
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** Starts both at once; on two cores the common pool runs one task at a time, hence our own executor. */
    public LocalInfrastructure start() {
        return start((server, took) -> { });
    }

    /**
     * As {@link #start()}, telling {@code ready} about each server as soon as it is ready (from its own thread),
     * with the time it took; PostgreSQL counts as ready once chipbet's databases exist.
     */
    public LocalInfrastructure start(BiConsumer<String, Duration> ready) {
        long started = System.nanoTime();
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "chipbet-infra-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> {
                        kafka.start();
                        ready.accept("kafka", Duration.ofNanos(System.nanoTime() - started));
                    }, executor),
                    CompletableFuture.runAsync(() -> {
                        postgres.start();
                        SERVICE_DATABASES.forEach(postgres::createDatabase);
                        ready.accept("postgres", Duration.ofNanos(System.nanoTime() - started));
                    }, executor)).join();
        } catch (java.util.concurrent.CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            close();
            throw e;
        } finally {
            executor.shutdown();
        }
        return this;
    }

    public List<ProcessHandle> processTree() {
        List<ProcessHandle> all = new ArrayList<>(kafka.processTree());
        all.addAll(postgres.processTree());
        return all;
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }

    /** The fixed ports of the local run, as platform's shared defaults list them ({@code chipbet.local.*}). */
    public record LocalPorts(int kafka, int kafkaController, int postgres) {
        public static final LocalPorts DEFAULT = LocalServices.localPorts();
    }
}
