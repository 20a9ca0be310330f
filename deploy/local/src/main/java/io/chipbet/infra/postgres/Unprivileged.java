package io.chipbet.infra.postgres;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** How to run PostgreSQL's binaries when this JVM is root, which they refuse. */
final class Unprivileged {

    private static final String NOBODY = "65534";

    private Unprivileged() {
    }

    /** The command prefix to run under; empty when not root. May hand {@code directory} to nobody. */
    static List<String> prefix(Path directory) throws IOException {
        if (!isRoot()) {
            return List.of();
        }
        if (succeeds("unshare", "-U", "true")) {
            return List.of("unshare", "-U");
        }
        // No user namespaces here: drop to nobody, who must then own the server's folder.
        if (!succeeds("chown", "-R", NOBODY + ":" + NOBODY, directory.toString())) {
            throw new IOException("Cannot hand " + directory + " to an unprivileged user");
        }
        return List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || succeedsWithOutput("0", "id", "-u");
    }

    private static boolean succeeds(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean succeedsWithOutput(String expected, String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && expected.equals(output);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
