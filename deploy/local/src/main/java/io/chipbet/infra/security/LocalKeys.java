package io.chipbet.infra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs tokens for the local run and for tests. Generated on first use, never
 * committed; production mounts its own public key or points at an OIDC issuer instead.
 */
public final class LocalKeys {

    public static final String ISSUER = "https://chipbet.local/issuer";
    private static final String PUBLIC = "jwt-public.pem";
    private static final String PRIVATE = "jwt-private.pem";

    private final Path directory;

    private LocalKeys(Path directory) {
        this.directory = directory;
    }

    /** Uses the key pair in {@code directory}, generating it first if absent. */
    public static LocalKeys in(Path directory) {
        LocalKeys keys = new LocalKeys(directory);
        if (!Files.exists(keys.publicKey()) || !Files.exists(keys.privateKeyFile())) {
            keys.generate();
        }
        return keys;
    }

    public Path publicKey() {
        return directory.resolve(PUBLIC);
    }

    public Path privateKeyFile() {
        return directory.resolve(PRIVATE);
    }

    public PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile())
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable private key " + privateKeyFile(), e);
        }
    }

    private void generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            Files.writeString(publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privateKeyFile(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.setPosixFilePermissions(privateKeyFile(), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write keys to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
