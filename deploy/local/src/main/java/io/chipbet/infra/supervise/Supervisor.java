package io.chipbet.infra.supervise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Keeps the launcher's processes running: one that ends without being asked to is started again
 * after a back-off (1 s, 2 s, 4 s ... at most 30 s; back to 1 s once a run lasted a minute). Every
 * change is logged and written to a status file that {@code ./chipbet status} reads, one line per
 * process: {@code name TAB state TAB pid TAB restarts TAB address TAB detail}.
 *
 * <p>{@link #restart} and {@link #kill} are what {@code ./chipbet restart} and {@code ./chipbet kill}
 * ask for through the {@link ControlChannel}.
 */
public final class Supervisor implements AutoCloseable {

    /** What {@code ./chipbet status} shows; written in lower case. */
    public enum State { STARTING, UP, RESTARTING, HELD, STOPPING }

    /** How long a kill --hold waits for a start in progress to end. */
    private static final Duration START_WAIT = Duration.ofMinutes(3);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Path statusFile;
    private final Consumer<String> log;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration stableAfter;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "chipbet-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private volatile boolean closing;

    public Supervisor(Path statusFile, Consumer<String> log) {
        this(statusFile, log, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** With other timings: for tests. */
    public Supervisor(Path statusFile, Consumer<String> log, Duration firstBackoff, Duration maxBackoff, Duration stableAfter) {
        this.statusFile = statusFile;
        this.log = log;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.stableAfter = stableAfter;
    }

    /** Lists {@code component} as starting: the launcher starts it, then calls {@link #up}. */
    public synchronized void starting(Supervised component) {
        entries.put(component.name(), new Entry(component));
        writeStatus();
    }

    /** {@code name} is running and ready: from now on, it is kept running. */
    public void up(String name) {
        Entry entry;
        synchronized (this) {
            entry = entry(name);
            entry.state = State.UP;
            entry.upSince = Instant.now();
            entry.pid = entry.component.command().map(ProcessHandle::pid).orElse(-1L);
            writeStatus();
        }
        watch(entry);
    }

    /** Stops {@code name} cleanly, starts it again and waits until it is ready. */
    public String restart(String name) {
        Entry entry;
        synchronized (this) {
            entry = find(name);
            if (entry.upSince == null) {
                throw new IllegalStateException(name + " is still starting");
            }
        }
        log(name + ": restart requested (./chipbet restart)");
        entry.lifecycle.lock(); // after any restart in progress
        try {
            synchronized (this) {
                checkOpen();
                entry.generation++; // the exit our stop causes is no crash
                entry.cancelPending();
                entry.held = false;
                entry.state = State.RESTARTING;
                entry.detail = "restart requested";
                writeStatus();
            }
            long started = System.nanoTime();
            entry.component.stop();
            synchronized (this) {
                entry.state = State.STARTING;
                entry.pid = -1;
                writeStatus();
            }
            try {
                entry.component.start();
            } catch (RuntimeException e) {
                synchronized (this) {
                    entry.lastExit = "failed to restart at " + now();
                    scheduleRestart(entry, "failed to restart (" + e.getMessage() + ")");
                }
                throw new IllegalStateException(name + " failed to restart: " + e.getMessage()
                        + "; the launcher keeps trying, see ./chipbet status", e);
            }
            String took = seconds(Duration.ofNanos(System.nanoTime() - started));
            long pid = markRestarted(entry, true);
            log(name + ": restarted, ready in " + took + " (pid " + pid + ")");
            return name + " restarted, ready in " + took + " (pid " + pid + ")";
        } finally {
            entry.lifecycle.unlock();
        }
    }

    /**
     * Ends {@code name}'s process with SIGKILL, as a crash would. The supervisor then restarts it after
     * its back-off, unless {@code hold}: then it stays down until {@link #restart}.
     */
    public String kill(String name, boolean hold) {
        ProcessHandle process;
        Entry entry;
        synchronized (this) {
            entry = find(name);
            process = entry.component.command().filter(ProcessHandle::isAlive).orElse(null);
            boolean holdOnceStarted = process == null && hold && entry.state == State.STARTING;
            if (process == null && !holdOnceStarted) {
                // Down already: waiting for its restart, or just exited and its exit not yet seen (a service that
                // stops itself, as a projection leader does when it loses the database). Held, it stays down.
                if (hold) {
                    entry.held = true;
                    entry.cancelPending();
                    entry.state = State.HELD;
                    entry.detail = "held down by ./chipbet kill --hold; ./chipbet restart " + name + " starts it";
                    writeStatus();
                    return name + " was not running; it stays down until ./chipbet restart " + name;
                }
                throw new IllegalStateException(name + " has no running process (" + entry.state.name().toLowerCase(Locale.ROOT) + ")");
            }
            if (process != null && hold) {
                entry.held = true;
                entry.cancelPending();
            } else if (process != null) {
                entry.killRequested = true;
            }
        }
        if (process == null) {
            return killOnceStarted(entry); // being started, with no process yet to kill
        }
        log(name + ": SIGKILL to pid " + process.pid() + " (./chipbet kill" + (hold ? " --hold)" : ")"));
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") is still running 10 s after SIGKILL");
        }
        return "killed " + name + " (pid " + process.pid() + ") with SIGKILL; "
                + (hold ? "it stays down until ./chipbet restart " + name
                : "the launcher restarts it after its back-off (see ./chipbet status)");
    }

    /**
     * A hold of a service that is starting (its first start, or a restart after a crash): waits, without the monitor,
     * until that start is over, then kills and holds what it started, or holds it down if the start failed.
     */
    private String killOnceStarted(Entry entry) {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        synchronized (this) {
            while (entry.state == State.STARTING) { // writeStatus wakes us on every change
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new IllegalStateException(entry.name() + " is still starting after " + START_WAIT.toSeconds() + " s");
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while " + entry.name() + " started", e);
                }
            }
        }
        log(entry.name() + ": started; now held (./chipbet kill --hold during its start)");
        return kill(entry.name(), true);
    }

    /**
     * Stops keeping {@code name} running and forgets it: its next exit is no crash, nothing restarts it. The caller
     * stops it. For a process that joins for a while, e.g. the fault suite's second projection replica.
     */
    public void release(String name) {
        Entry entry;
        synchronized (this) {
            entry = find(name);
        }
        entry.lifecycle.lock(); // after any restart in progress
        try {
            synchronized (this) {
                entry.generation++;
                entry.cancelPending();
                entries.remove(name);
                writeStatus();
            }
        } finally {
            entry.lifecycle.unlock();
        }
    }

    /** One line per process, as in the status file. */
    public synchronized List<String> status() {
        List<String> lines = new ArrayList<>();
        entries.values().forEach(entry -> lines.add(entry.line()));
        return lines;
    }

    /** From now on, an exit is a stop: nothing is restarted. The caller stops the processes. */
    @Override
    public void close() {
        closing = true;
        synchronized (this) {
            entries.values().forEach(entry -> {
                entry.cancelPending();
                entry.state = State.STOPPING;
                entry.detail = "";
            });
            writeStatus();
        }
        scheduler.shutdownNow();
    }

    /** Removes the status file: nothing runs any more. */
    public void deleteStatus() {
        try {
            Files.deleteIfExists(statusFile);
        } catch (IOException ignored) {
            // ./chipbet status checks the launcher's pid before it trusts this file.
        }
    }

    private void watch(Entry entry) {
        long generation;
        synchronized (this) {
            generation = entry.generation;
        }
        entry.component.exited().thenAccept(status -> exited(entry, generation, status));
    }

    private synchronized void exited(Entry entry, long generation, int status) {
        if (closing || generation != entry.generation) {
            return;
        }
        entry.generation++;
        String how = describeExit(status) + (entry.killRequested ? " (./chipbet kill)" : "");
        entry.killRequested = false;
        entry.lastExit = how + " at " + now();
        entry.pid = -1;
        if (entry.upSince != null && Duration.between(entry.upSince, Instant.now()).compareTo(stableAfter) >= 0) {
            entry.attempt = 0; // it ran long enough: this is a new failure, not the same one again
        }
        scheduleRestart(entry, how);
    }

    /** Caller holds the monitor. */
    private void scheduleRestart(Entry entry, String why) {
        if (closing) {
            return;
        }
        if (entry.held) {
            entry.state = State.HELD;
            entry.detail = "held down by ./chipbet kill --hold; ./chipbet restart " + entry.name() + " starts it";
            writeStatus();
            log(entry.name() + ": " + why + "; held down until ./chipbet restart " + entry.name());
            return;
        }
        entry.attempt++;
        Duration delay = backoff(entry.attempt);
        entry.state = State.RESTARTING;
        entry.detail = "restart attempt " + entry.attempt + " at " + LocalTime.now().plus(delay).truncatedTo(ChronoUnit.SECONDS).format(CLOCK);
        long generation = entry.generation;
        entry.pending = scheduler.schedule(() -> supervisedRestart(entry, generation), delay.toMillis(), TimeUnit.MILLISECONDS);
        writeStatus();
        log(entry.name() + ": " + why + "; restarting in " + seconds(delay) + " (attempt " + entry.attempt + ")");
    }

    Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    private void supervisedRestart(Entry entry, long generation) {
        entry.lifecycle.lock();
        try {
            synchronized (this) {
                if (closing || generation != entry.generation || entry.held) {
                    return;
                }
                entry.pending = null;
                entry.state = State.STARTING;
                entry.detail = "restart attempt " + entry.attempt;
                writeStatus();
            }
            long started = System.nanoTime();
            try {
                entry.component.stop(); // whatever is left of the last run
                entry.component.start();
            } catch (RuntimeException e) {
                synchronized (this) {
                    if (!closing && generation == entry.generation) {
                        scheduleRestart(entry, "restart failed (" + e.getMessage() + ")");
                    }
                }
                return;
            }
            String took = seconds(Duration.ofNanos(System.nanoTime() - started));
            long pid = markRestarted(entry, false);
            if (pid >= 0) {
                log(entry.name() + ": restarted, ready in " + took + " (pid " + pid + ")");
            }
        } finally {
            entry.lifecycle.unlock();
        }
    }

    /** The new run is up: counted, listed and watched. Returns its pid, or -1 if we are closing. */
    private long markRestarted(Entry entry, boolean requested) {
        synchronized (this) {
            if (closing) {
                return -1;
            }
            entry.restarts++;
            if (requested) {
                entry.attempt = 0;
                entry.lastExit = "restarted by ./chipbet restart at " + now();
            }
            entry.state = State.UP;
            entry.detail = "";
            entry.upSince = Instant.now();
            entry.pid = entry.component.command().map(ProcessHandle::pid).orElse(-1L);
            writeStatus();
        }
        watch(entry);
        return entry.pid;
    }

    private Entry find(String name) {
        checkOpen();
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("unknown service " + name + "; the launcher runs " + String.join(", ", entries.keySet()));
        }
        return entry;
    }

    private Entry entry(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalStateException(name + " was not registered as starting");
        }
        return entry;
    }

    private void checkOpen() {
        if (closing) {
            throw new IllegalStateException("the launcher is stopping");
        }
    }

    /** Caller holds the monitor. Written whole, then moved into place: a reader never sees half a file. */
    private void writeStatus() {
        notifyAll(); // a state changed: a kill --hold waiting for a start looks again
        StringBuilder text = new StringBuilder();
        entries.values().forEach(entry -> text.append(entry.line()).append('\n'));
        try {
            Files.createDirectories(statusFile.toAbsolutePath().getParent());
            Path temporary = statusFile.resolveSibling(statusFile.getFileName() + ".tmp");
            Files.writeString(temporary, text);
            Files.move(temporary, statusFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + statusFile, e);
        }
    }

    private void log(String line) {
        log.accept(now() + " " + line);
    }

    private static String now() {
        return LocalTime.now().truncatedTo(ChronoUnit.SECONDS).format(CLOCK);
    }

    /** 137 reads "killed by SIGKILL"; the JVM exits 143 after a SIGTERM, which reads "ended by SIGTERM". */
    public static String describeExit(int status) {
        if (status > 128 && status < 128 + 65) {
            int signal = status - 128;
            String name = switch (signal) {
                case 1 -> "SIGHUP";
                case 2 -> "SIGINT";
                case 3 -> "SIGQUIT";
                case 6 -> "SIGABRT";
                case 9 -> "SIGKILL";
                case 11 -> "SIGSEGV";
                case 15 -> "SIGTERM";
                default -> "signal " + signal;
            };
            return (signal == 9 ? "killed by " : "ended by ") + name;
        }
        return "exited with status " + status;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static final class Entry {
        final Supervised component;
        final ReentrantLock lifecycle = new ReentrantLock();
        State state = State.STARTING;
        long pid = -1;
        int restarts;
        int attempt;
        Instant upSince;
        String lastExit;
        String detail = "";
        long generation;
        boolean held;
        boolean killRequested;
        ScheduledFuture<?> pending;

        Entry(Supervised component) {
            this.component = component;
        }

        String name() {
            return component.name();
        }

        void cancelPending() {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }

        String line() {
            String info = detail;
            if (lastExit != null) {
                info = (info.isEmpty() ? "" : info + "; ") + "last: " + lastExit;
            }
            return String.join("\t", name(), state.name().toLowerCase(Locale.ROOT),
                    pid < 0 ? "-" : String.valueOf(pid), String.valueOf(restarts), component.address(),
                    Optional.ofNullable(info).orElse("").replace('\t', ' ').replace('\n', ' '));
        }
    }
}
