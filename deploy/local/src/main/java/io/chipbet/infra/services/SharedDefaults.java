package io.chipbet.infra.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * platform's shared defaults ({@code META-INF/microprofile-config.properties}), copied here by the
 * build: the one list of the services and of the local run's ports.
 */
final class SharedDefaults {

    private static final Pattern SERVICE_PORT = Pattern.compile("^chipbet\\.services\\.([a-z-]+)\\.port=(\\d+)$");
    private static final Pattern LOCAL_PORT = Pattern.compile("^chipbet\\.local\\.([a-z-]+)=(\\d+)$");
    private static final Pattern SERVICE_MAX_HEAP = Pattern.compile("^chipbet\\.services\\.([a-z-]+)\\.local-max-heap=(.*)$");
    private static final Pattern HEAP_SIZE = Pattern.compile("\\d+[kKmMgG]");

    private SharedDefaults() {
    }

    /** Service name to its local port, in the file's order. */
    static Map<String, Integer> servicePorts() {
        return read(SERVICE_PORT);
    }

    /** {@code kafka-port}, {@code kafka-controller-port}, {@code postgres-port}. */
    static Map<String, Integer> localPorts() {
        return read(LOCAL_PORT);
    }

    /** The maximum heap of {@code service} in the local run, as {@code -Xmx} takes it (e.g. {@code 144m}). */
    static String maxHeap(String service) {
        String heap = readText(SERVICE_MAX_HEAP).get(service);
        if (heap == null) {
            throw new IllegalStateException("No chipbet.services." + service + ".local-max-heap in platform's shared defaults");
        }
        return heapSize(service, heap.trim());
    }

    /** {@code value} if -Xmx takes it (digits and k, m or g); else a failure that names the line to fix. */
    static String heapSize(String service, String value) {
        if (!HEAP_SIZE.matcher(value).matches()) {
            throw new IllegalStateException("chipbet.services." + service + ".local-max-heap=" + value
                    + " in platform's shared defaults is not a size -Xmx takes, such as 144m");
        }
        return value;
    }

    private static Map<String, Integer> read(Pattern line) {
        Map<String, Integer> found = new LinkedHashMap<>();
        readText(line).forEach((name, value) -> found.put(name, Integer.parseInt(value)));
        return found;
    }

    private static Map<String, String> readText(Pattern line) {
        Map<String, String> found = new LinkedHashMap<>();
        try (InputStream in = SharedDefaults.class.getResourceAsStream("microprofile-config.properties")) {
            if (in == null) {
                throw new IllegalStateException("platform's microprofile-config.properties was not copied into deploy/local: build it with ./mvnw");
            }
            for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher match = line.matcher(text.trim());
                if (match.matches()) {
                    found.put(match.group(1), match.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** For the launcher's infrastructure: the local Kafka, controller and PostgreSQL ports. */
    static int localPort(String name) {
        Integer port = localPorts().get(name);
        if (port == null) {
            throw new IllegalStateException("No chipbet.local." + name + " in platform's shared defaults");
        }
        return port;
    }
}
