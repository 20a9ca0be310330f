package io.chipbet.infra.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParentBoundProcessTest {

    @TempDir
    Path directory;

    @Test
    void thePidFileNamesTheCommandAndTheExitStatusTellsASignal() throws Exception {
        Path pidFile = directory.resolve("pids/sleeper.pid");
        ParentBoundProcess process = ParentBoundProcess.start("sleeper", List.of(), List.of("sleep", "600"), "TERM",
                Map.of(), directory.resolve("sleeper.log"), pidFile);
        ProcessHandle command = process.command().orElseThrow();
        assertEquals(String.valueOf(command.pid()), Files.readString(pidFile).trim());
        assertTrue(command.info().command().orElse("").endsWith("sleep"), command.info().toString());

        assertTrue(process.kill());
        assertEquals(137, process.exited().get(10, TimeUnit.SECONDS), "128 + SIGKILL");
        process.stop(Duration.ofSeconds(5));
        assertFalse(Files.exists(pidFile), "a stopped process leaves no pid file");
    }

    @Test
    void aStopAlsoEndsACommandWhoseGuardWasKilledOnItsOwn() throws Exception {
        ParentBoundProcess process = ParentBoundProcess.start("orphan", List.of(), List.of("sleep", "600"), "TERM",
                Map.of(), directory.resolve("orphan.log"), directory.resolve("orphan.pid"));
        ProcessHandle command = process.command().orElseThrow();
        ProcessHandle guard = process.processTree().get(0);
        guard.destroyForcibly();
        guard.onExit().get(10, TimeUnit.SECONDS);
        assertTrue(command.isAlive(), "the command outlives its killed guard, until the stop");

        process.stop(Duration.ofSeconds(5));
        command.onExit().get(10, TimeUnit.SECONDS);
        assertFalse(command.isAlive());
    }
}
