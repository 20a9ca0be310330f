package io.chipbet.infra;

import io.chipbet.infra.security.LocalKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code infra [--dir DIR] [--random-ports] [--stdin-lifeline]}: starts the local Kafka broker and
 * PostgreSQL server, writes their addresses to {@code DIR/infra.env}, prints {@code READY}, and runs
 * until it is stopped (or, with {@code --stdin-lifeline}, until its standard input closes). The
 * servers go with it, however it ends.
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infrastructure.close();
            stopped.countDown();
        }, "chipbet-infra-stop"));

        LocalKeys keys = LocalKeys.in(directory.resolve("keys"));
        writeEnvironment(directory.resolve("infra.env"), infrastructure, keys);
        System.out.printf("Kafka      %s%nPostgreSQL 127.0.0.1:%d (databases %s)%nstarted in %d ms%n",
                infrastructure.kafka().bootstrapServers(), infrastructure.postgres().port(),
                String.join(", ", LocalInfrastructure.SERVICE_DATABASES), (System.nanoTime() - started) / 1_000_000);
        System.out.println("pids " + infrastructure.processTree().stream()
                .map(handle -> String.valueOf(handle.pid())).collect(Collectors.joining(" ")));
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

    private static String option(List<String> arguments, String name, String fallback) {
        int index = arguments.indexOf(name);
        return index >= 0 && index + 1 < arguments.size() ? arguments.get(index + 1) : fallback;
    }
}
