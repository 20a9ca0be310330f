package io.chipbet.platform.history;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an aggregate's history: what changed, who changed it, when, and on what source.
 * Each service maps its own table by extending this, adding the columns its history needs.
 */
@MappedSuperclass
public abstract class ChangeEntry {

    @Id
    public UUID id;

    @Column(name = "aggregate_id", nullable = false)
    public UUID aggregateId;

    /** The aggregate's version after this change. */
    @Column(nullable = false)
    public long version;

    /** The event type, e.g. FabDelayed. */
    @Column(nullable = false)
    public String kind;

    /** The field-level changes as JSON, exactly as in the event. */
    @Column(columnDefinition = "text", nullable = false)
    public String changes;

    @Column(nullable = false)
    public String actor;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "source_url", nullable = false, length = 2000)
    public String sourceUrl;

    @Column(name = "source_title", nullable = false, length = 500)
    public String sourceTitle;

    @Column(columnDefinition = "text")
    public String note;
}
