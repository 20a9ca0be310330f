package io.chipbet.infra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One throw-away key pair per test JVM, found by tests through a system property. */
public final class TestKeys {

    static final String PROPERTY = "chipbet.test.keys";

    private TestKeys() {
    }

    public static synchronized LocalKeys get() {
        String directory = System.getProperty(PROPERTY);
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("chipbet-keys").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(PROPERTY, directory);
        }
        return LocalKeys.in(Path.of(directory));
    }
}
