package io.chipbet.infra.testing;

import io.chipbet.infra.LocalInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Kafka broker and PostgreSQL server of one test JVM: started once, on random loopback ports,
 * shared by every test class, and stopped when the JVM exits (or dies: see ParentBoundProcess).
 *
 * <p>Quarkus may load test code in more than one class loader, so the handle that fault tests use
 * to stop and restart the broker and the database is published in the system properties as JDK types only.
 */
public final class TestInfrastructure {

    static final String CONTROL = "chipbet.test.infrastructure.control";

    private TestInfrastructure() {
    }

    /** Starts the servers if this JVM has not yet; returns Kafka's bootstrap servers and PostgreSQL's port. */
    @SuppressWarnings("unchecked")
    public static synchronized Endpoints startOnce() {
        Object published = System.getProperties().get(CONTROL);
        if (published instanceof Map<?, ?> control) {
            return new Endpoints((String) ((Map<String, Object>) control).get("bootstrap"),
                    (Integer) ((Map<String, Object>) control).get("postgresPort"));
        }
        Path directory = temporaryDirectory();
        LocalInfrastructure infrastructure = LocalInfrastructure.forTests(directory).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infrastructure.close();
            deleteQuietly(directory);
        }, "chipbet-infra-stop"));
        Runnable stopKafka = infrastructure.kafka()::stop;
        Runnable startKafka = infrastructure.kafka()::start;
        Runnable stopPostgres = infrastructure.postgres()::stop;
        Runnable startPostgres = infrastructure.postgres()::start;
        System.getProperties().put(CONTROL, Map.<String, Object>of(
                "bootstrap", infrastructure.kafka().bootstrapServers(),
                "postgresPort", infrastructure.postgres().port(),
                "stopKafka", stopKafka,
                "startKafka", startKafka,
                "stopPostgres", stopPostgres,
                "startPostgres", startPostgres));
        return new Endpoints(infrastructure.kafka().bootstrapServers(), infrastructure.postgres().port());
    }

    /** Stops the shared broker; its port and data stay, so {@link #startKafka()} brings the same broker back. */
    public static void stopKafka() {
        control("stopKafka").run();
    }

    public static void startKafka() {
        control("startKafka").run();
    }

    /** Stops the shared PostgreSQL server (a fast shutdown); its port and data stay for {@link #startPostgres()}. */
    public static void stopPostgres() {
        control("stopPostgres").run();
    }

    public static void startPostgres() {
        control("startPostgres").run();
    }

    /** Whether this JVM started the servers, and so may stop them; not when the environment named running ones. */
    public static boolean controlsServers() {
        return System.getProperties().get(CONTROL) instanceof Map<?, ?>;
    }

    @SuppressWarnings("unchecked")
    private static Runnable control(String action) {
        Object published = System.getProperties().get(CONTROL);
        if (!(published instanceof Map<?, ?>)) {
            throw new IllegalStateException("The test infrastructure was not started by this JVM");
        }
        return (Runnable) ((Map<String, Object>) published).get(action);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("chipbet-infra");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: it is a temporary folder.
        }
    }

    public record Endpoints(String bootstrapServers, int postgresPort) {
    }
}
