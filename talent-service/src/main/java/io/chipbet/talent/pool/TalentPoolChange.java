package io.chipbet.talent.pool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One entry of a pool's history. */
@Entity
@Table(name = "talent_pool_change", indexes = @Index(name = "talent_pool_change_history", columnList = "pool_id, version"))
public class TalentPoolChange {

    @Id
    public UUID id;

    @Column(name = "pool_id", nullable = false)
    public UUID poolId;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public String kind;

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
