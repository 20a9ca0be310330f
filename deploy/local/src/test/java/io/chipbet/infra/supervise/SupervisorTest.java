package io.chipbet.infra.supervise;

import io.chipbet.infra.process.ParentBoundProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's supervision, on real processes ({@code sleep} under the same guard as the services). */
class SupervisorTest {

    @TempDir
    Path directory;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;
    private final List<Sleeper> sleepers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.close();
        }
        sleepers.forEach(Sleeper::stop);
    }

    @Test
    void aCrashedProcessIsRestartedAfterItsBackOffAndTheLogAndStatusSaySo() throws Exception {
        supervisor = new Supervisor(directory.resolve("status"), log::add,
                Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMinutes(1));
        Sleeper sleeper = running("fab-service");
        long first = sleeper.command().orElseThrow().pid();

        sleeper.command().orElseThrow().destroyForcibly();

        awaitTrue(() -> line("fab-service").startsWith("fab-service\trestarting\t-\t0\t"), "listed as restarting");
        assertTrue(line("fab-service").contains("restart attempt 1 at "), line("fab-service"));
        awaitTrue(() -> line("fab-service").startsWith("fab-service\tup\t"), "back up");
        String[] fields = line("fab-service").split("\t");
        assertNotEquals(String.valueOf(first), fields[2], "a new process");
        assertEquals(String.valueOf(sleeper.command().orElseThrow().pid()), fields[2]);
        assertEquals("1", fields[3], "one restart");
        assertTrue(fields[5].contains("last: killed by SIGKILL at "), fields[5]);
        awaitTrue(() -> log.stream().anyMatch(line -> line.endsWith("fab-service: killed by SIGKILL; restarting in 0.2 s (attempt 1)")), "logged: " + log);
        // The status file says "up" a moment before the log line is written.
        awaitTrue(() -> log.stream().anyMatch(line -> line.contains("fab-service: restarted, ready in ")), "logged: " + log);
    }

    @Test
    void theBackOffDoublesUpToItsCapAndStartsAgainAfterAStableRun() throws Exception {
        supervisor = new Supervisor(directory.resolve("status"), log::add);
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L),
                java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(supervisor::backoff).map(Duration::toSeconds).toList());

        supervisor.close();
        supervisor = new Supervisor(directory.resolve("status"), log::add,
                Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMillis(500));
        AtomicInteger failures = new AtomicInteger(2);
        Sleeper sleeper = running("talent-service");
        sleeper.failNextStarts = failures;
        sleeper.command().orElseThrow().destroyForcibly();
        // Two failed starts: attempts 1, 2 and 3, at 0.1, 0.2 and 0.4 s.
        awaitTrue(() -> sleeper.starts.get() == 4 && line("talent-service").startsWith("talent-service\tup\t"),
                "up after two failed starts");
        awaitTrue(() -> log.stream().anyMatch(line -> line.endsWith("restarting in 0.4 s (attempt 3)")), "logged: " + log);

        Thread.sleep(700); // a stable run: the next crash starts the back-off afresh
        log.clear();
        sleeper.command().orElseThrow().destroyForcibly();
        awaitTrue(() -> log.stream().anyMatch(line -> line.endsWith("restarting in 0.1 s (attempt 1)")), "back-off reset: " + log);
    }

    @Test
    void killHoldKeepsItDownUntilRestartAndKillWithoutHoldIsACrash() throws Exception {
        supervisor = new Supervisor(directory.resolve("status"), log::add,
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(1));
        Sleeper sleeper = running("funding-service");
        long first = sleeper.command().orElseThrow().pid();

        String answer = supervisor.kill("funding-service", true);
        assertTrue(answer.startsWith("killed funding-service (pid " + first + ") with SIGKILL; it stays down"), answer);
        awaitTrue(() -> line("funding-service").startsWith("funding-service\theld\t-\t"), "held");
        Thread.sleep(400);
        assertTrue(line("funding-service").startsWith("funding-service\theld\t"), "still held: " + line("funding-service"));
        assertFalse(sleeper.isRunning());

        String restarted = supervisor.restart("funding-service");
        assertTrue(restarted.startsWith("funding-service restarted, ready in "), restarted);
        long second = sleeper.command().orElseThrow().pid();
        assertTrue(line("funding-service").startsWith("funding-service\tup\t" + second + "\t1\t"), line("funding-service"));

        supervisor.kill("funding-service", false);
        awaitTrue(() -> line("funding-service").startsWith("funding-service\tup\t") && !line("funding-service").contains("\t" + second + "\t"),
                "restarted after a kill without --hold");
        awaitTrue(() -> log.stream().anyMatch(line -> line.endsWith("funding-service: killed by SIGKILL (./chipbet kill); restarting in 0.1 s (attempt 1)")),
                "logged: " + log);
    }

    @Test
    void killHoldOfAServiceThatHasJustExitedKeepsItDown() throws Exception {
        supervisor = new Supervisor(directory.resolve("status"), log::add,
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(1));
        Sleeper sleeper = running("projection-service");
        ProcessHandle exiting = sleeper.command().orElseThrow();
        sleeper.exitUnseen = true; // it stopped itself (a leader that lost the database), and its exit is on its way

        String answer = supervisor.kill("projection-service", true);
        assertEquals("projection-service was not running; it stays down until ./chipbet restart projection-service", answer);
        exiting.destroyForcibly();
        awaitTrue(() -> log.stream().anyMatch(line -> line.endsWith("held down until ./chipbet restart projection-service")), "logged: " + log);
        Thread.sleep(400);
        assertTrue(line("projection-service").startsWith("projection-service\theld\t"), "not restarted: " + line("projection-service"));
        assertEquals(1, sleeper.starts.get());

        supervisor.restart("projection-service");
        assertTrue(line("projection-service").startsWith("projection-service\tup\t"), line("projection-service"));
    }

    /** Held while the supervisor starts it again after a crash: once that start is over, it is killed and stays down. */
    @Test
    void killHoldOfAServiceBeingStartedHoldsWhatTheStartBrings() throws Exception {
        supervisor = new Supervisor(directory.resolve("status"), log::add,
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(1));
        Sleeper sleeper = running("talent-service");
        sleeper.startDelayMillis = 1_000;
        sleeper.command().orElseThrow().destroyForcibly();
        awaitTrue(() -> line("talent-service").startsWith("talent-service	starting	"), "being started again");

        String answer = supervisor.kill("talent-service", true);
        assertTrue(answer.startsWith("killed talent-service (pid ") && answer.endsWith("it stays down until ./chipbet restart talent-service"), answer);
        assertEquals(2, sleeper.starts.get());
        awaitTrue(() -> line("talent-service").startsWith("talent-service	held	"), "held: " + line("talent-service"));
        Thread.sleep(400);
        assertTrue(line("talent-service").startsWith("talent-service	held	"), "not restarted: " + line("talent-service"));
        assertFalse(sleeper.isRunning());
        assertEquals(2, sleeper.starts.get());
    }

    @Test
    void aRequestedRestartIsNoCrashAndUnknownNamesAreRefused() throws Exception {
        supervisor = new Supervisor(directory.resolve("status"), log::add,
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(1));
        Sleeper sleeper = running("kafka");
        long first = sleeper.command().orElseThrow().pid();
        supervisor.restart("kafka");
        Thread.sleep(300);
        assertTrue(log.stream().noneMatch(line -> line.contains("restarting in")), "no crash was seen: " + log);
        assertNotEquals(first, sleeper.command().orElseThrow().pid());
        assertEquals(1, sleeper.starts.get() - 1, "started once more");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> supervisor.restart("nope-service"));
        assertTrue(unknown.getMessage().contains("unknown service nope-service"), unknown.getMessage());
    }

    @Test
    void afterCloseNothingIsRestarted() throws Exception {
        supervisor = new Supervisor(directory.resolve("status"), log::add,
                Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofMinutes(1));
        Sleeper sleeper = running("postgres");
        supervisor.close();
        sleeper.command().orElseThrow().destroyForcibly();
        Thread.sleep(400);
        assertEquals(1, sleeper.starts.get());
        assertTrue(line("postgres").startsWith("postgres\tstopping\t"), line("postgres"));
    }

    @Test
    void theControlChannelAnswersRequestFilesInTheirReplyFiles() throws Exception {
        supervisor = new Supervisor(directory.resolve("status"), log::add,
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(1));
        running("projection-service");
        Path control = directory.resolve("control");
        Files.createDirectories(control);
        Files.writeString(control.resolve("stale.req"), "kill projection-service\n"); // from an earlier launcher
        try (ControlChannel ignored = ControlChannel.open(control, supervisor)) {
            assertFalse(Files.exists(control.resolve("stale.req")), "an earlier launcher's request is dropped");
            assertEquals("ok\npong", ask(control, "1", "ping"));
            assertEquals("error\nunknown service nope; the launcher runs projection-service", ask(control, "2", "restart nope"));
            assertEquals("error\nunknown request: frob", ask(control, "3", "frob"));
            assertTrue(ask(control, "4", "kill projection-service hold").startsWith("ok\nkilled projection-service (pid "));
        }
    }

    private static String ask(Path control, String id, String request) throws Exception {
        Files.writeString(control.resolve(id + ".tmp"), request + "\n");
        Files.move(control.resolve(id + ".tmp"), control.resolve(id + ".req"));
        Path reply = control.resolve(id + ".reply");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(reply) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return Files.readString(reply).trim();
    }

    private Sleeper running(String name) {
        Sleeper sleeper = new Sleeper(name, directory);
        sleepers.add(sleeper);
        supervisor.starting(sleeper);
        sleeper.start();
        supervisor.up(name);
        return sleeper;
    }

    private String line(String name) {
        try {
            return Files.readAllLines(directory.resolve("status")).stream().filter(line -> line.startsWith(name + "\t"))
                    .findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** A stand-in for a service: {@code sleep} under the parent-bound guard, with a pid file. */
    private static final class Sleeper implements Supervised {
        private final String name;
        private final Path directory;
        final AtomicInteger starts = new AtomicInteger();
        volatile AtomicInteger failNextStarts = new AtomicInteger();
        /** How long a start takes before its process exists. */
        volatile long startDelayMillis;
        /** Its process is gone as far as a kill can see, but its exit has not reached the supervisor yet. */
        volatile boolean exitUnseen;
        private volatile ParentBoundProcess process;

        Sleeper(String name, Path directory) {
            this.name = name;
            this.directory = directory;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String address() {
            return "nowhere";
        }

        @Override
        public void start() {
            starts.incrementAndGet();
            exitUnseen = false;
            if (failNextStarts.getAndDecrement() > 0) {
                throw new IllegalStateException("not ready");
            }
            try {
                Thread.sleep(startDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                process = ParentBoundProcess.start(name, List.of(), List.of("sleep", "600"), "TERM", Map.of(),
                        directory.resolve(name + ".log"), directory.resolve("pids").resolve(name + ".pid"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            if (process != null) {
                process.stop(Duration.ofSeconds(5));
            }
        }

        boolean isRunning() {
            return process != null && process.isAlive();
        }

        @Override
        public Optional<ProcessHandle> command() {
            return process == null || exitUnseen ? Optional.empty() : process.command();
        }

        @Override
        public CompletableFuture<Integer> exited() {
            return process == null ? new CompletableFuture<>() : process.exited();
        }
    }
}
