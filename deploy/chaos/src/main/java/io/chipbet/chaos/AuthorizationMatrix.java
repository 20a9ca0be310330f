package io.chipbet.chaos;

import io.chipbet.infra.security.LocalKeys;
import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every write endpoint of the four services, run as {@code java -jar} with the prod profile, against every
 * kind of bad credential: each must be refused with 401 (or 403 for a valid token without the editor role)
 * as problem+json, and write nothing (the outboxes, the investors and the scenarios counted before and after).
 * A valid editor token then passes authorization at every endpoint (whatever its body then earns, never 401,
 * 403 or a 5xx).
 */
final class AuthorizationMatrix {

    /** One write endpoint. Ids in paths are random: authorization comes before the lookup. */
    record Endpoint(String service, String method, String path) {
    }

    /** One kind of credential, and what it must get. */
    record Credential(String name, String authorization, int expected) {
    }

    static final List<Endpoint> ENDPOINTS = endpoints();

    /** The matrix's figures and violations. */
    static final class Result {
        int requests;
        int asExpected;
        final List<String> failures = new ArrayList<>();

        String line() {
            return String.format(Locale.ROOT, "Authorization matrix: %d write endpoints x %d credentials = %d requests, %d as expected%s",
                    ENDPOINTS.size(), credentialNames().size(), requests, asExpected, failures.isEmpty() ? "" : ", " + failures.size() + " not");
        }
    }

    private AuthorizationMatrix() {
    }

    private static List<Endpoint> endpoints() {
        String id = UUID.randomUUID().toString();
        return List.of(
                new Endpoint("funding-service", "POST", "/api/v1/investors"),
                new Endpoint("funding-service", "POST", "/api/v1/commitments"),
                new Endpoint("funding-service", "POST", "/api/v1/commitments/" + id + "/status-changes"),
                new Endpoint("funding-service", "POST", "/api/v1/commitments/" + id + "/revisions"),
                new Endpoint("fab-service", "POST", "/api/v1/fabs"),
                new Endpoint("fab-service", "POST", "/api/v1/fabs/" + id + "/milestones"),
                new Endpoint("fab-service", "POST", "/api/v1/fabs/" + id + "/delays"),
                new Endpoint("fab-service", "POST", "/api/v1/fabs/" + id + "/revisions"),
                new Endpoint("talent-service", "POST", "/api/v1/talent-pools"),
                new Endpoint("talent-service", "POST", "/api/v1/talent-pools/" + id + "/updates"),
                new Endpoint("talent-service", "POST", "/api/v1/training-programs"),
                new Endpoint("talent-service", "POST", "/api/v1/shortfall-estimates"),
                new Endpoint("projection-service", "POST", "/api/v1/admin/rebuild"),
                new Endpoint("projection-service", "POST", "/api/v1/scenarios"),
                new Endpoint("projection-service", "PUT", "/api/v1/scenarios/" + id),
                new Endpoint("projection-service", "DELETE", "/api/v1/scenarios/" + id));
    }

    static List<String> credentialNames() {
        return List.of("no token", "malformed token", "expired", "not yet valid", "bad signature", "signed by another key",
                "alg none", "wrong issuer", "wrong role", "editor");
    }

    /** The credentials, in {@link #credentialNames()}' order; the last is the valid editor token. */
    static List<Credential> credentials(Stack stack) {
        PrivateKey key = stack.keys().privateKey();
        Instant now = Instant.now();
        String editor = stack.tokens().withRoles("chaos-authz", Duration.ofMinutes(30), "editor");
        String[] parts = editor.split("\\.");
        // The same header and claims, the signature's bytes changed: not the issuer's signature.
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x5a;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String unsigned = header + "." + parts[1] + ".";
        List<Credential> credentials = new ArrayList<>();
        credentials.add(new Credential("no token", null, 401));
        credentials.add(new Credential("malformed token", "Bearer not.a-jwt", 401));
        credentials.add(new Credential("expired", bearer(Jwt.issuer(LocalKeys.ISSUER).upn("chaos-authz").groups(Set.of("editor"))
                .issuedAt(now.minus(Duration.ofHours(2))).expiresAt(now.minus(Duration.ofHours(1))).sign(key)), 401));
        credentials.add(new Credential("not yet valid", bearer(Jwt.issuer(LocalKeys.ISSUER).upn("chaos-authz").groups(Set.of("editor"))
                .issuedAt(now).claim("nbf", now.plus(Duration.ofHours(1)).getEpochSecond())
                .expiresAt(now.plus(Duration.ofHours(2))).sign(key)), 401));
        credentials.add(new Credential("bad signature", bearer(tampered), 401));
        credentials.add(new Credential("signed by another key", bearer(Jwt.issuer(LocalKeys.ISSUER).upn("chaos-authz")
                .groups(Set.of("editor")).expiresIn(Duration.ofMinutes(30)).sign(otherKey())), 401));
        credentials.add(new Credential("alg none", bearer(unsigned), 401));
        credentials.add(new Credential("wrong issuer", bearer(Jwt.issuer("https://issuer.example.org/").upn("chaos-authz")
                .groups(Set.of("editor")).expiresIn(Duration.ofMinutes(30)).sign(key)), 401));
        credentials.add(new Credential("wrong role", bearer(stack.tokens().withRoles("chaos-viewer", Duration.ofMinutes(30), "viewer")), 403));
        credentials.add(new Credential("editor", bearer(editor), 0));
        return credentials;
    }

    static Result run(Stack stack) throws SQLException {
        Result result = new Result();
        List<Credential> credentials = credentials(stack);
        Map<String, Long> before = writes(stack);
        for (Credential credential : credentials.subList(0, credentials.size() - 1)) {
            for (Endpoint endpoint : ENDPOINTS) {
                Http.Answer answer = send(stack, endpoint, credential);
                result.requests++;
                if (answer != null && answer.status() == credential.expected() && answer.isProblem()) {
                    result.asExpected++;
                } else {
                    result.failures.add(credential.name() + " at " + endpoint.method() + " " + endpoint.path() + " ("
                            + endpoint.service() + "): expected " + credential.expected() + " problem+json, got "
                            + (answer == null ? "no answer" : answer.describe()));
                }
            }
        }
        Map<String, Long> after = writes(stack);
        if (!after.equals(before)) {
            result.failures.add("refused requests wrote: " + before + " before, " + after + " after");
        }
        Credential editor = credentials.get(credentials.size() - 1);
        for (Endpoint endpoint : ENDPOINTS) {
            Http.Answer answer = send(stack, endpoint, editor);
            result.requests++;
            if (answer != null && answer.status() != 401 && answer.status() != 403 && answer.status() < 500) {
                result.asExpected++;
            } else {
                result.failures.add("an editor token at " + endpoint.method() + " " + endpoint.path() + " (" + endpoint.service()
                        + "): " + (answer == null ? "no answer" : answer.describe()));
            }
        }
        return result;
    }

    /** An empty object as the body (the valid token earns a 400 or 404 for it; a refused one never gets that far). */
    private static Http.Answer send(Stack stack, Endpoint endpoint, Credential credential) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", credential.authorization());
        headers.put("Idempotency-Key", "chaos-authz-" + UUID.randomUUID());
        headers.put("If-Match", "\"1\"");
        HttpRequest request = Http.write(endpoint.method(), stack.url(endpoint.service()) + endpoint.path(),
                endpoint.method().equals("DELETE") ? null : "{}", headers);
        try {
            return Http.send(request);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** What a write would leave behind: every outbox, the investors (no event of their own) and the scenarios. */
    private static Map<String, Long> writes(Stack stack) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String database : List.of("funding", "fab", "talent")) {
            counts.put(database + " outbox", count(stack, database, "select count(*) from outbox_event"));
        }
        counts.put("investors", count(stack, "funding", "select count(*) from investor"));
        counts.put("scenarios", count(stack, "projection", "select count(*) from scenario"));
        return counts;
    }

    private static long count(Stack stack, String database, String sql) throws SQLException {
        try (Connection connection = stack.database(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
