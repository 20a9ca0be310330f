package io.chipbet.infra.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A child process that cannot outlive the JVM that started it.
 *
 * <p>Java cannot set {@code PR_SET_PDEATHSIG}, and it fires on thread exit anyway. Instead the
 * command runs under a small {@code sh} guard that reads its standard input, a pipe from this
 * JVM. The kernel closes that pipe when the JVM ends in any way, {@code kill -9} included; the
 * guard then sends the child its shutdown signal. {@link #stop} closes the pipe on purpose, so a
 * normal stop and a crash take the same path.
 *
 * <p>With a pid file, the guard writes the command's own pid there (not its own): what
 * {@code ./chipbet kill} signals and {@code ./chipbet down} checks. The guard exits with the
 * command's status, so {@link #exited()} tells a crash ({@code 128 + signal}) from a clean exit.
 */
public final class ParentBoundProcess {

    // A background list's stdin is /dev/null unless redirected, hence fd 3. "read" is a shell
    // builtin: killing the watcher subshell leaves no stray process behind. $1 is the pid file, or "".
    private static final String GUARD = """
            pidfile=$1
            shift
            exec 3<&0
            "$@" </dev/null 3<&- &
            child=$!
            [ -z "$pidfile" ] || echo "$child" > "$pidfile"
            { while read -r _ <&3; do :; done; kill -%s "$child" 2>/dev/null; } &
            watcher=$!
            wait "$child"
            status=$?
            kill "$watcher" 2>/dev/null
            exit "$status"
            """;
    private static final Duration PID_FILE_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final OutputStream lifeline;
    private final Path pidFile;
    private volatile ProcessHandle command;

    private ParentBoundProcess(String name, Process process, Path pidFile) {
        this.name = name;
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command} bound to this JVM.
     *
     * @param prefix         runs the guard itself under another command, e.g. {@code unshare -U}
     * @param shutdownSignal the signal the child gets when its parent goes, e.g. {@code INT}
     * @param log            where the child's stdout and stderr go
     */
    public static ParentBoundProcess start(String name, List<String> prefix, List<String> command,
                                           String shutdownSignal, Map<String, String> environment,
                                           Path log) throws IOException {
        return start(name, prefix, command, shutdownSignal, environment, log, null);
    }

    /** As {@link #start(String, List, List, String, Map, Path)}; the guard writes the command's pid to {@code pidFile}. */
    public static ParentBoundProcess start(String name, List<String> prefix, List<String> command,
                                           String shutdownSignal, Map<String, String> environment,
                                           Path log, Path pidFile) throws IOException {
        if (pidFile != null) {
            Files.createDirectories(pidFile.toAbsolutePath().getParent());
            Files.deleteIfExists(pidFile);
        }
        List<String> full = new ArrayList<>(prefix);
        full.addAll(List.of("sh", "-c", GUARD.formatted(shutdownSignal), name,
                pidFile == null ? "" : pidFile.toAbsolutePath().toString()));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ParentBoundProcess(name, builder.start(), pidFile);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the command's exit status ({@code 128 + n} when signal n ended it) once the guard is gone. */
    public CompletableFuture<Integer> exited() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** The command's own process (not the guard), once the guard has reported it; needs a pid file. */
    public Optional<ProcessHandle> command() {
        if (command != null || pidFile == null) {
            return Optional.ofNullable(command);
        }
        long deadline = System.nanoTime() + PID_FILE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            OptionalLong pid = readPid(pidFile);
            if (pid.isPresent()) {
                Optional<ProcessHandle> handle = ProcessHandle.of(pid.getAsLong());
                // Only a child of our guard counts: the number may be stale or reused.
                if (handle.flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L) == process.pid()) {
                    command = handle.get();
                    return handle;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    /** Sends the command itself SIGKILL, as a crash would end it; the guard then exits with 137. */
    public boolean kill() {
        return command().map(ProcessHandle::destroyForcibly).orElse(false);
    }

    /** The guard and everything under it: what must be gone after a stop. */
    public List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        if (command != null && command.isAlive() && !tree.contains(command)) {
            tree.add(command); // orphaned: its guard was killed on its own
        }
        return tree;
    }

    /** Asks the child to shut down cleanly; kills the whole tree if it does not within {@code grace}. */
    public void stop(Duration grace) {
        if (pidFile != null && command == null && process.isAlive()) {
            command(); // learn the pid before the guard goes, so an orphan cannot escape the stop
        }
        List<ProcessHandle> tree = processTree();
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // Already closed: the guard has seen end-of-file either way.
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(5, TimeUnit.SECONDS);
            }
            if (command != null && command.isAlive()) {
                // The guard was gone before the stop (killed on its own): nobody signalled the command.
                command.destroy();
                command.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle handle : tree) {
                handle.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        } finally {
            if (pidFile != null) {
                OptionalLong written = readPid(pidFile);
                if (command == null || (written.isPresent() && written.getAsLong() == command.pid())) {
                    try {
                        Files.deleteIfExists(pidFile);
                    } catch (IOException ignored) {
                        // A stale pid file is checked against the process it names before anyone uses it.
                    }
                }
            }
        }
    }

    private static OptionalLong readPid(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.matches("\\d+") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
