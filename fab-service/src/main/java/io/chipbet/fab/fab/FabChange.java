package io.chipbet.fab.fab;

import io.chipbet.platform.contract.fab.FabStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One entry of a fab's timeline: what changed, effective when, who recorded it, and on what source. */
@Entity
@Table(name = "fab_change", indexes = @Index(name = "fab_change_timeline", columnList = "fab_id, version"))
public class FabChange {

    @Id
    public UUID id;

    @Column(name = "fab_id", nullable = false)
    public UUID fabId;

    @Column(nullable = false)
    public long version;

    /** The event type, e.g. FabDelayed. */
    @Column(nullable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public FabStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public FabStatus toStatus;

    /** The date the change took effect in the world (a milestone's date, a delay's new plan). */
    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    /** The field-level changes as JSON, as in the event. */
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
