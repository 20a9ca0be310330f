package io.chipbet.talent.estimate;

import io.chipbet.platform.aggregate.ImmutableAggregate;
import io.chipbet.platform.history.Change;
import io.chipbet.platform.contract.talent.ShortfallEstimateEvent;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.talent.Regions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A workforce gap as a study published it, kept as reported for comparison. Immutable once recorded. */
@Entity
@Table(name = "shortfall_estimate")
public class ShortfallEstimate extends ImmutableAggregate<ShortfallEstimateState> {

    @Column(nullable = false)
    public String region;

    @Enumerated(EnumType.STRING)
    public TalentRole role;

    @Column(name = "target_year", nullable = false)
    public int targetYear;

    @Column(nullable = false)
    public long shortfall;

    public Long demand;

    /** Records an estimate as the study published it: {@code ShortfallEstimatePublished}, its only event. */
    public Change<ShortfallEstimateState> publish(NewShortfallEstimate request) {
        region = Regions.code(request.region());
        role = request.role();
        targetYear = request.targetYear();
        shortfall = request.shortfall();
        demand = request.demand();
        return recorded(ShortfallEstimateEvent.PUBLISHED, request.source());
    }

    @Override
    public ShortfallEstimateState toState() {
        return new ShortfallEstimateState(id, region, role, targetYear, shortfall, demand, source(), 1, createdAt);
    }
}
