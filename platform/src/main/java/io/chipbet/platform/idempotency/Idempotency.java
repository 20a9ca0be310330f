package io.chipbet.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.api.ETags;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import io.chipbet.platform.persistence.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Makes a write safe to retry. It runs inside the service's transaction: with an {@code Idempotency-Key},
 * the first answer is stored in the same transaction as the change it made; a retry with the same key and body gets that response again and
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
            + "(Idempotent-Replayed: true) and change nothing; the same key with another body is a 422 (a member left out and one "
            + "sent as null are the same body). "
            + "1 to 200 printable ASCII characters; remembered 7 days (chipbet.idempotency.retention).";

    private final ObjectMapper json;
    private final RequestFingerprint fingerprints;
    private final io.micrometer.core.instrument.Counter replays;

    public Idempotency(ObjectMapper json, io.micrometer.core.instrument.MeterRegistry registry) {
        this.json = json;
        this.fingerprints = new RequestFingerprint(json);
        this.replays = io.micrometer.core.instrument.Counter.builder("chipbet.idempotency.replays")
                .description("Writes answered from an earlier request with the same Idempotency-Key: retries after a lost answer").register(registry);
    }

    /**
     * Runs a creation once per key, inside the caller's transaction: 201 with Location and ETag, the
     * first time and on every retry.
     */
    public Uni<Written> create(WriteRequest write, Object request, Supplier<Uni<Written>> creation) {
        return once(write.scope(), write.idempotencyKey(), request, creation);
    }

    /**
     * Runs an update once per key, inside the caller's transaction: 200 with its ETag, the first time
     * and on every retry. A retry after a lost answer carries the same If-Match as the first attempt,
     * so the version it names is part of the request, and the replay wins over the 412 that version
     * would now get.
     *
     * @param write  its If-Match (see ETags): 428 without, 400 if malformed
     * @param update the change, given the version the client expects
     */
    public Uni<Written> update(UpdateRequest write, Object request, LongFunction<Uni<Written>> update) {
        return Uni.createFrom().deferred(() -> {
            long expected = ETags.requiredVersion(write.ifMatch());
            return once(write.scope(), write.idempotencyKey(), new VersionedRequest(expected, request), () -> update.apply(expected));
        });
    }

    /** What an update's key stands for: the body and the version it was sent against. */
    private record VersionedRequest(long ifMatch, Object body) {
    }

    private Uni<Written> once(String scope, String key, Object request, Supplier<Uni<Written>> work) {
        return Transactions.required("Idempotency").chain(session -> {
            if (key == null) {
                return work.get();
            }
            requireWellFormed(key);
            String fingerprint = fingerprints.of(request);
            // Requests with one key run one after another: a concurrent retry waits, then gets the replay.
            return lock(session, scope, key)
                    .chain(() -> session.find(IdempotentRequest.class, new IdempotentRequest.Key(scope, key)))
                    .chain(previous -> previous != null
                            ? Uni.createFrom().item(() -> replay(previous, fingerprint, request)).invoke(() -> replays.increment())
                            : work.get().call(written -> remember(session, scope, key, fingerprint, written)));
        });
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
    private static Uni<Void> lock(Mutiny.Session session, String scope, String key) {
        // Run as an update, which reads no rows: Hibernate Reactive makes a new plan for every native select and keeps
        // each one in its plan cache, since its result mapping never compares equal (QueryPlanReuseTest).
        return session
                .createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(:lock, 0)) as text)")
                .setParameter("lock", "idempotency:" + scope + ":" + key).executeUpdate().replaceWithVoid();
    }

    private Uni<Void> remember(Mutiny.Session session, String scope, String key, String fingerprint, Written written) {
        IdempotentRequest row = new IdempotentRequest();
        row.scope = scope;
        row.key = key;
        row.requestHash = fingerprint;
        row.status = written.status();
        row.location = written.location().toString();
        row.body = toJson(written.body());
        row.version = written.version();
        row.createdAt = Instant.now();
        return session.persist(row);
    }

    private Written replay(IdempotentRequest previous, String fingerprint, Object request) {
        if (!fingerprints.sameRequest(previous.requestHash, fingerprint, request)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request body",
                    List.of(new Problem.Violation(HEADER, "was already used for a different request")));
        }
        return new Written(previous.status, URI.create(previous.location), previous.body, previous.version, true);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serializable as JSON: " + value, e);
        }
    }
}
