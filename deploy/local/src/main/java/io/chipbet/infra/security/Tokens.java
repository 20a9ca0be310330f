package io.chipbet.infra.security;

import io.smallrye.jwt.build.Jwt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** Signs bearer tokens with the local key pair: for tests and for the local run's CLI. */
public final class Tokens {

    private final LocalKeys keys;

    public Tokens(LocalKeys keys) {
        this.keys = keys;
    }

    /** The key pair that the running test infrastructure configured its services with. */
    public static Tokens forTests() {
        String directory = System.getProperty(TestKeys.PROPERTY);
        if (directory == null) {
            throw new IllegalStateException("No test keys: is ChipbetInfrastructure registered as a test resource?");
        }
        return new Tokens(LocalKeys.in(Path.of(directory)));
    }

    public String editor() {
        return withRoles("editor-user", "editor");
    }

    public String withRoles(String user, String... roles) {
        return withRoles(user, Duration.ofHours(1), roles);
    }

    /** A token for {@code user} in {@code roles}, valid for {@code ttl} from now. */
    public String withRoles(String user, Duration ttl, String... roles) {
        return Jwt.issuer(LocalKeys.ISSUER)
                .upn(user)
                .groups(Set.of(roles))
                .expiresIn(ttl)
                .sign(keys.privateKey());
    }
}
