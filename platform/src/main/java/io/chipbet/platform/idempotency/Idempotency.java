package io.chipbet.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Makes a creating POST safe to retry. With an {@code Idempotency-Key}, the first response is stored
 * in the same transaction as what it created; a retry with the same key and body gets that response
 * again and creates nothing. Without a key, the request simply runs.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final ObjectMapper json;

    public Idempotency(ObjectMapper json) {
        this.json = json;
    }

    /** The outcome of a creation: where the new resource lives, its representation and its version. */
    public record Created(URI location, Object body, long version) {
    }

    public Uni<Response> create(String scope, String key, Object request, Supplier<Uni<Created>> creation) {
        if (key == null) {
            return Panache.withTransaction(creation).map(Idempotency::created);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().failure(new ProblemException(400, "malformed-idempotency-key",
                    "Malformed Idempotency-Key", "An Idempotency-Key has 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String hash = sha256(toJson(request));
        // Requests with one key run one after another: a concurrent retry waits, then gets the replay.
        return Panache.withTransaction(() -> lock(scope, key)
                .chain(() -> IdempotentRequest.<IdempotentRequest>findById(new IdempotentRequest.Key(scope, key)))
                .chain(previous -> previous != null
                        ? Uni.createFrom().item(() -> replay(previous, hash))
                        : creation.get().call(created -> remember(scope, key, hash, created)).map(Idempotency::created)));
    }

    /** A PostgreSQL advisory lock on the key, held until the transaction ends. */
    private static Uni<Void> lock(String scope, String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(:lock, 0)) as text)")
                .setParameter("lock", "idempotency:" + scope + ":" + key).getSingleResult()).replaceWithVoid();
    }

    private Uni<Void> remember(String scope, String key, String hash, Created created) {
        IdempotentRequest row = new IdempotentRequest();
        row.scope = scope;
        row.key = key;
        row.requestHash = hash;
        row.status = 201;
        row.location = created.location().toString();
        row.body = toJson(created.body());
        row.version = created.version();
        row.createdAt = Instant.now();
        return row.persist().replaceWithVoid();
    }

    private static Response replay(IdempotentRequest previous, String hash) {
        if (!previous.requestHash.equals(hash)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request body");
        }
        return Response.status(previous.status).location(URI.create(previous.location))
                .type(MediaType.APPLICATION_JSON).entity(previous.body)
                .tag(new EntityTag(String.valueOf(previous.version)))
                .header("Idempotent-Replayed", "true").build();
    }

    private static Response created(Created created) {
        return Response.created(created.location()).entity(created.body())
                .tag(new EntityTag(String.valueOf(created.version()))).build();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serializable as JSON: " + value, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
