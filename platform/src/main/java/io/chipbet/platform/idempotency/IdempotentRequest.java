package io.chipbet.platform.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/**
 * The first response to a write that carried an {@code Idempotency-Key}, kept to answer its retries
 * until {@code chipbet.idempotency.retention} has passed.
 */
@Entity
@Table(name = "idempotent_request")
@IdClass(IdempotentRequest.Key.class)
public class IdempotentRequest extends PanacheEntityBase {

    /**
     * What was written: a collection for a create ({@code commitments}), the resource and the kind of
     * change for an update ({@code commitments/<id>/revisions}). The same key may be used in other scopes.
     */
    @Id
    public String scope;

    @Id
    @Column(name = "idempotency_key")
    public String key;

    /** The request's fingerprint (RequestFingerprint): a key reused for a different request is an error, not a replay. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public int status;

    /** The resource created (sent as Location on a 201) or updated. */
    @Column(nullable = false)
    public String location;

    @Column(nullable = false, columnDefinition = "text")
    public String body;

    /** The resource's version after the write: its ETag. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public record Key(String scope, String key) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
