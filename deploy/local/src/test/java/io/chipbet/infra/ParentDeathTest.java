package io.chipbet.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The servers must not outlive a JVM that is killed with SIGKILL, such as a test run cut short. */
class ParentDeathTest {

    @TempDir
    Path directory;

    @Test
    void serversDieWhenTheirParentJvmIsKilled() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--dir", directory.toString(), "--random-ports")
                .redirectErrorStream(true).start();
        List<ProcessHandle> servers = List.of();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(parent.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("READY")) {
                if (line.startsWith("pids ")) {
                    servers = Arrays.stream(line.substring(5).split(" "))
                            .map(pid -> ProcessHandle.of(Long.parseLong(pid)))
                            .flatMap(Optional::stream).toList();
                }
            }
            assertNotNull(line, "the launcher ended before it was ready");
        }
        assertTrue(servers.size() >= 4, "guards and servers were listed: " + servers);
        assertTrue(servers.stream().allMatch(ProcessHandle::isAlive));

        parent.destroyForcibly(); // SIGKILL: no shutdown hook runs.
        parent.waitFor();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (servers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        for (ProcessHandle server : servers) {
            assertFalse(server.isAlive(), "outlived its killed parent: " + server.pid() + " " + server.info());
        }
    }
}
