package io.chipbet.talent.estimate;

import io.chipbet.platform.history.Change;
import io.chipbet.platform.api.Amounts;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.talent.ShortfallEstimateEvent;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.talent.Regions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A workforce gap as a study published it, kept as reported for comparison. Immutable once recorded. */
@Entity
@Table(name = "shortfall_estimate")
public class ShortfallEstimate {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String region;

    @Enumerated(EnumType.STRING)
    public TalentRole role;

    @Column(name = "target_year", nullable = false)
    public int targetYear;

    @Column(nullable = false)
    public long shortfall;

    public Long demand;

    @Column(name = "source_url", nullable = false, length = 2000)
    public String sourceUrl;

    @Column(name = "source_title", nullable = false, length = 500)
    public String sourceTitle;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Records an estimate as the study published it: {@code ShortfallEstimatePublished}, its only event. */
    public Change<ShortfallEstimateState> publish(NewShortfallEstimate request) {
        id = UUID.randomUUID();
        region = Regions.code(request.region());
        role = request.role();
        targetYear = request.targetYear();
        shortfall = request.shortfall();
        demand = request.demand();
        sourceUrl = request.source().url();
        sourceTitle = request.source().title();
        createdAt = Amounts.now();
        return Change.created(ShortfallEstimateEvent.PUBLISHED, toState(), createdAt, request.source(), null, null);
    }

    public ShortfallEstimateState toState() {
        return new ShortfallEstimateState(id, region, role, targetYear, shortfall, demand,
                new SourceRef(sourceUrl, sourceTitle), 1, createdAt);
    }
}
