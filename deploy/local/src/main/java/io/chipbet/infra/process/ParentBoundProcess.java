package io.chipbet.infra.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process that cannot outlive the JVM that started it.
 *
 * <p>Java cannot set {@code PR_SET_PDEATHSIG}, and it fires on thread exit anyway. Instead the
 * command runs under a small {@code sh} guard that reads its standard input, a pipe from this
 * JVM. The kernel closes that pipe when the JVM ends in any way, {@code kill -9} included; the
 * guard then sends the child its shutdown signal. {@link #stop} closes the pipe on purpose, so a
 * normal stop and a crash take the same path.
 */
public final class ParentBoundProcess {

    // A background list's stdin is /dev/null unless redirected, hence fd 3. "read" is a shell
    // builtin: killing the watcher subshell leaves no stray process behind.
    private static final String GUARD = """
            exec 3<&0
            "$@" </dev/null 3<&- &
            child=$!
            { while read -r _ <&3; do :; done; kill -%s "$child" 2>/dev/null; } &
            watcher=$!
            wait "$child"
            status=$?
            kill "$watcher" 2>/dev/null
            exit "$status"
            """;

    private final String name;
    private final Process process;
    private final OutputStream lifeline;

    private ParentBoundProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.lifeline = process.getOutputStream();
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
        List<String> full = new ArrayList<>(prefix);
        full.addAll(List.of("sh", "-c", GUARD.formatted(shutdownSignal), name));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ParentBoundProcess(name, builder.start());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The guard and everything under it: what must be gone after a stop. */
    public List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        return tree;
    }

    /** Asks the child to shut down cleanly; kills the whole tree if it does not within {@code grace}. */
    public void stop(Duration grace) {
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
            for (ProcessHandle handle : tree) {
                handle.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
