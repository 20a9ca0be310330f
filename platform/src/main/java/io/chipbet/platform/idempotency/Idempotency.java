package io.chipbet.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.api.ETags;
import io.chipbet.platform.problem.Problem;
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
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Makes a write safe to retry. With an {@code Idempotency-Key}, the first response is stored in the same
 * transaction as the change it made; a retry with the same key and body gets that response again and
 * changes nothing, and the same key with another body is refused (422). Without a key, the request
 * simply runs. Creates and updates (status changes, revisions, milestones, delays, pool updates) alike.
 *
 * <p>A key is 1 to {@value #MAX_KEY_LENGTH} printable ASCII characters, not all blank; any other key is
 * a 400 problem naming the header. Keys are kept for {@code chipbet.idempotency.retention} (IdempotencyRetention).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 200;
    /** The header's description in every write's OpenAPI document. */
    public static final String KEY_DESCRIPTION = "Makes a retry safe: the same key and body get the first answer again "
            + "(Idempotent-Replayed: true) and change nothing; the same key with another body is a 422. "
            + "1 to 200 printable ASCII characters; remembered 7 days (chipbet.idempotency.retention).";

    private final ObjectMapper json;
    private final io.micrometer.core.instrument.Counter replays;

    public Idempotency(ObjectMapper json, io.micrometer.core.instrument.MeterRegistry registry) {
        this.json = json;
        this.replays = io.micrometer.core.instrument.Counter.builder("chipbet.idempotency.replays")
                .description("Writes answered from an earlier request with the same Idempotency-Key: retries after a lost answer").register(registry);
    }

    /** The outcome of a creation: where the new resource lives, its representation and its version. */
    public record Created(URI location, Object body, long version) {
    }

    /** The outcome of an update: the resource it changed, its new representation and its new version. */
    public record Updated(URI location, Object body, long version) {
    }

    /** Runs a creation once per key: 201 with Location and ETag, the first time and on every retry. */
    public Uni<Response> create(String scope, String key, Object request, Supplier<Uni<Created>> creation) {
        return once(scope, key, request, 201,
                () -> creation.get().map(created -> new Outcome(created.location(), created.body(), created.version())));
    }

    /**
     * Runs an update once per key: 200 with its ETag, the first time and on every retry. A retry after a
     * lost answer carries the same If-Match as the first attempt, so the version it names is part of the
     * request, and the replay wins over the 412 that version would now get.
     *
     * @param scope   the updated resource and the kind of change, e.g. {@code commitments/<id>/revisions}
     * @param ifMatch the If-Match header (see ETags): 428 without, 400 if malformed
     * @param update  the change, given the version the client expects
     */
    public Uni<Response> update(String scope, String key, String ifMatch, Object request, LongFunction<Uni<Updated>> update) {
        long expected;
        try {
            expected = ETags.requiredVersion(ifMatch);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        return once(scope, key, new VersionedRequest(expected, request), 200,
                () -> update.apply(expected).map(updated -> new Outcome(updated.location(), updated.body(), updated.version())));
    }

    /** What an update's key stands for: the body and the version it was sent against. */
    private record VersionedRequest(long ifMatch, Object body) {
    }

    private record Outcome(URI location, Object body, long version) {
    }

    private Uni<Response> once(String scope, String key, Object request, int status, Supplier<Uni<Outcome>> work) {
        if (key == null) {
            return Panache.withTransaction(work).map(outcome -> respond(status, outcome));
        }
        try {
            requireWellFormed(key);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        String hash = sha256(toJson(request));
        // Requests with one key run one after another: a concurrent retry waits, then gets the replay.
        return Panache.withTransaction(() -> lock(scope, key)
                .chain(() -> IdempotentRequest.<IdempotentRequest>findById(new IdempotentRequest.Key(scope, key)))
                .chain(previous -> previous != null
                        ? Uni.createFrom().item(() -> replay(previous, hash)).invoke(() -> replays.increment())
                        : work.get().call(outcome -> remember(scope, key, hash, status, outcome)).map(outcome -> respond(status, outcome))));
    }

    /**
     * Fails with a 400 problem naming the header unless the key is 1 to {@value #MAX_KEY_LENGTH} printable
     * ASCII characters, not all blank. Printable ASCII only: the key goes into the database.
     */
    static void requireWellFormed(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new ProblemException(400, "malformed-idempotency-key", "Malformed Idempotency-Key",
                    "An Idempotency-Key has 1 to " + MAX_KEY_LENGTH + " printable ASCII characters, not all blank; this one has "
                            + key.length() + " characters",
                    List.of(new Problem.Violation(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters, not all blank")));
        }
    }

    /** A PostgreSQL advisory lock on the key, held until the transaction ends. */
    private static Uni<Void> lock(String scope, String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(:lock, 0)) as text)")
                .setParameter("lock", "idempotency:" + scope + ":" + key).getSingleResult()).replaceWithVoid();
    }

    private Uni<Void> remember(String scope, String key, String hash, int status, Outcome outcome) {
        IdempotentRequest row = new IdempotentRequest();
        row.scope = scope;
        row.key = key;
        row.requestHash = hash;
        row.status = status;
        row.location = outcome.location().toString();
        row.body = toJson(outcome.body());
        row.version = outcome.version();
        row.createdAt = Instant.now();
        return row.persist().replaceWithVoid();
    }

    private static Response replay(IdempotentRequest previous, String hash) {
        if (!previous.requestHash.equals(hash)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request body",
                    List.of(new Problem.Violation(HEADER, "was already used for a different request")));
        }
        Response.ResponseBuilder response = Response.status(previous.status).type(MediaType.APPLICATION_JSON).entity(previous.body)
                .tag(new EntityTag(String.valueOf(previous.version)))
                .header("Idempotent-Replayed", "true");
        return (previous.status == 201 ? response.location(URI.create(previous.location)) : response).build();
    }

    private static Response respond(int status, Outcome outcome) {
        Response.ResponseBuilder response = Response.status(status).entity(outcome.body())
                .tag(new EntityTag(String.valueOf(outcome.version())));
        return (status == 201 ? response.location(outcome.location()) : response).build();
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
