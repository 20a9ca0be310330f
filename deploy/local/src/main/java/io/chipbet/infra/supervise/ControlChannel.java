package io.chipbet.infra.supervise;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How {@code ./chipbet restart} and {@code ./chipbet kill} reach the running launcher: a folder of
 * request files, so any shell can ask, no port is taken, and nothing listens when the launcher is gone.
 *
 * <p>A client writes one line, {@code restart NAME}, {@code kill NAME} or {@code kill NAME hold}, to
 * {@code ID.tmp} and renames it to {@code ID.req}. The launcher takes it (deletes it), acts, and
 * answers in {@code ID.reply} (also renamed into place): {@code ok} or {@code error} on the first
 * line, then a sentence for the user. Each request runs on its own thread: a long restart does not
 * hold up a kill.
 */
public final class ControlChannel implements AutoCloseable {

    private static final long POLL_MILLIS = 100;

    private final Path directory;
    private final Supervisor supervisor;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "chipbet-control");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread poller;
    private volatile boolean open = true;

    private ControlChannel(Path directory, Supervisor supervisor) {
        this.directory = directory;
        this.supervisor = supervisor;
        this.poller = new Thread(this::poll, "chipbet-control-poll");
        this.poller.setDaemon(true);
    }

    /** Clears what an earlier launcher left, then starts answering. */
    public static ControlChannel open(Path directory, Supervisor supervisor) throws IOException {
        Files.createDirectories(directory);
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(directory)) {
            for (Path file : stale) {
                Files.deleteIfExists(file);
            }
        }
        ControlChannel channel = new ControlChannel(directory, supervisor);
        channel.poller.start();
        return channel;
    }

    private void poll() {
        while (open) {
            try (DirectoryStream<Path> requests = Files.newDirectoryStream(directory, "*.req")) {
                for (Path request : requests) {
                    take(request);
                }
            } catch (IOException ignored) {
                // The folder may be gone while the launcher stops, or be recreated: try again.
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void take(Path request) throws IOException {
        String line;
        try {
            line = Files.readString(request).trim();
            Files.delete(request);
        } catch (NoSuchFileException e) {
            return; // taken already
        }
        String id = request.getFileName().toString().replaceFirst("\\.req$", "");
        workers.execute(() -> reply(id, answer(line)));
    }

    /** "ok\nmessage" or "error\nmessage". */
    String answer(String line) {
        List<String> words = List.of(line.split("\\s+"));
        try {
            if (words.size() == 2 && words.get(0).equals("restart")) {
                return "ok\n" + supervisor.restart(words.get(1));
            }
            if (words.size() == 2 && words.get(0).equals("kill")) {
                return "ok\n" + supervisor.kill(words.get(1), false);
            }
            if (words.size() == 3 && words.get(0).equals("kill") && words.get(2).equals("hold")) {
                return "ok\n" + supervisor.kill(words.get(1), true);
            }
            if (words.size() == 1 && words.get(0).equals("ping")) {
                return "ok\npong";
            }
            return "error\nunknown request: " + line;
        } catch (RuntimeException e) {
            return "error\n" + e.getMessage();
        }
    }

    private void reply(String id, String answer) {
        try {
            Path temporary = directory.resolve(id + ".reply.tmp");
            Files.writeString(temporary, answer + "\n");
            Files.move(temporary, directory.resolve(id + ".reply"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ignored) {
            // The client gave up and the folder went; it has said so already.
        }
    }

    @Override
    public void close() {
        open = false;
        poller.interrupt();
        workers.shutdownNow();
    }
}
