package io.chipbet.infra.testing;

import io.chipbet.infra.LocalInfrastructure;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The Kafka broker and PostgreSQL server of one test JVM: started once, on random loopback ports,
 * shared by every test class, and stopped when the JVM exits (or dies: see ParentBoundProcess).
 *
 * <p>Quarkus may load test code in more than one class loader, so the handle that fault tests use
 * to stop and restart the broker and the database is an MBean on the JVM's one platform MBean server, reached by name
 * with JDK types only. (Not a system property: a non-String value there breaks libraries that copy
 * the system properties, such as Narayana, which the JDBC datasource brings.)
 */
public final class TestInfrastructure {

    static final ObjectName CONTROL = objectName("io.chipbet:type=TestInfrastructure");

    private TestInfrastructure() {
    }

    /** What fault tests may do to the servers of this JVM; see {@link #stopKafka()}. */
    public interface ControlMBean {
        String getBootstrapServers();

        int getPostgresPort();

        void stopKafka();

        void startKafka();

        void stopPostgres();

        void startPostgres();
    }

    /** Starts the servers if this JVM has not yet; returns Kafka's bootstrap servers and PostgreSQL's port. */
    public static synchronized Endpoints startOnce() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (server.isRegistered(CONTROL)) {
            return new Endpoints((String) attribute("BootstrapServers"), (Integer) attribute("PostgresPort"));
        }
        Path directory = temporaryDirectory();
        LocalInfrastructure infrastructure = LocalInfrastructure.forTests(directory).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infrastructure.close();
            deleteQuietly(directory);
        }, "chipbet-infra-stop"));
        ControlMBean control = new ControlMBean() {
            @Override
            public String getBootstrapServers() {
                return infrastructure.kafka().bootstrapServers();
            }

            @Override
            public int getPostgresPort() {
                return infrastructure.postgres().port();
            }

            @Override
            public void stopKafka() {
                infrastructure.kafka().stop();
            }

            @Override
            public void startKafka() {
                infrastructure.kafka().start();
            }

            @Override
            public void stopPostgres() {
                infrastructure.postgres().stop();
            }

            @Override
            public void startPostgres() {
                infrastructure.postgres().start();
            }
        };
        try {
            server.registerMBean(new StandardMBean(control, ControlMBean.class), CONTROL);
        } catch (JMException e) {
            throw new IllegalStateException("Could not publish the test infrastructure's control", e);
        }
        return new Endpoints(control.getBootstrapServers(), control.getPostgresPort());
    }

    /** Stops the shared broker; its port and data stay, so {@link #startKafka()} brings the same broker back. */
    public static void stopKafka() {
        invoke("stopKafka");
    }

    public static void startKafka() {
        invoke("startKafka");
    }

    /** Stops the shared PostgreSQL server (a fast shutdown); its port and data stay for {@link #startPostgres()}. */
    public static void stopPostgres() {
        invoke("stopPostgres");
    }

    public static void startPostgres() {
        invoke("startPostgres");
    }

    /** Whether this JVM started the servers, and so may stop them; not when the environment named running ones. */
    public static boolean controlsServers() {
        return ManagementFactory.getPlatformMBeanServer().isRegistered(CONTROL);
    }

    private static Object attribute(String name) {
        try {
            return ManagementFactory.getPlatformMBeanServer().getAttribute(CONTROL, name);
        } catch (JMException e) {
            throw new IllegalStateException("The test infrastructure's " + name + " cannot be read", e);
        }
    }

    private static void invoke(String operation) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (!server.isRegistered(CONTROL)) {
            throw new IllegalStateException("The test infrastructure was not started by this JVM");
        }
        try {
            server.invoke(CONTROL, operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("The test infrastructure could not " + operation, e);
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
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
