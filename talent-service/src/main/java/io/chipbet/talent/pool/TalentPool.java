package io.chipbet.talent.pool;

import io.chipbet.platform.aggregate.Aggregate;
import io.chipbet.platform.history.Change;
import io.chipbet.platform.api.Amounts;
import io.chipbet.platform.contract.talent.TalentPoolEvent;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.math.BigDecimal;
import java.util.List;

/**
 * The workforce of one role in one region: one pool per (region, role), and one all-roles pool per
 * region. The database enforces both: migration V2 made the key count a null role as a value.
 */
@Entity
@Table(name = "talent_pool", uniqueConstraints = @UniqueConstraint(name = "talent_pool_region_role", columnNames = {"region", "role"}))
public class TalentPool extends Aggregate<TalentPoolState> {

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

    /** Records a new pool, of {@code region} (already normalised): {@code TalentPoolRecorded}. */
    public Change<TalentPoolState> record(String region, NewTalentPool request) {
        this.region = region;
        role = request.role();
        asOfYear = request.asOfYear();
        headcount = request.headcount();
        annualPipeline = request.annualPipeline();
        attritionRate = Amounts.rate(request.attritionRate());
        return created(TalentPoolEvent.RECORDED, request.sources(), null, null);
    }

    /** New figures, at least one: {@code TalentPoolUpdated}. */
    public Change<TalentPoolState> update(PoolUpdate request) {
        if (request.asOfYear() == null && request.headcount() == null && request.annualPipeline() == null
                && request.attritionRate() == null) {
            throw ProblemException.unprocessable("empty-update", "Nothing to update",
                    "Give at least one of asOfYear, headcount, annualPipeline, attritionRate",
                    List.of(new Problem.Violation("headcount", "one updated figure is required")));
        }
        TalentPoolState before = toState();
        asOfYear = given(request.asOfYear(), asOfYear);
        headcount = given(request.headcount(), headcount);
        annualPipeline = given(request.annualPipeline(), annualPipeline);
        attritionRate = given(Amounts.rate(request.attritionRate()), attritionRate);
        addSource(request.source());
        return changed(TalentPoolEvent.UPDATED, before, request.source(), request.reason(), null);
    }

    @Override
    public TalentPoolState toState() {
        return new TalentPoolState(id, region, role, asOfYear, headcount, annualPipeline, attritionRate,
                List.copyOf(sources), version, createdAt, updatedAt);
    }
}
