package io.chipbet.talent.pool;

import io.chipbet.platform.contract.common.SourceListConverter;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TalentRole;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The workforce of one role in one region: one pool per (region, role), and one all-roles pool per
 * region. The database enforces both: migration V2 made the key count a null role as a value.
 */
@Entity
@Table(name = "talent_pool", uniqueConstraints = @UniqueConstraint(name = "talent_pool_region_role", columnNames = {"region", "role"}))
public class TalentPool {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String region;

    /** Null: every role, for a source that gives no split. */
    @Enumerated(EnumType.STRING)
    public TalentRole role;

    @Column(name = "as_of_year", nullable = false)
    public int asOfYear;

    @Column(nullable = false)
    public long headcount;

    @Column(name = "annual_pipeline", nullable = false)
    public long annualPipeline;

    @Column(name = "attrition_rate", nullable = false, precision = 6, scale = 4)
    public BigDecimal attritionRate;

    @Convert(converter = SourceListConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public List<SourceRef> sources = new ArrayList<>();

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public TalentPoolState toState() {
        return new TalentPoolState(id, region, role, asOfYear, headcount, annualPipeline, attritionRate,
                List.copyOf(sources), version, createdAt, updatedAt);
    }
}
