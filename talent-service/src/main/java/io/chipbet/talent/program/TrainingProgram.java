package io.chipbet.talent.program;

import io.chipbet.platform.aggregate.ImmutableAggregate;
import io.chipbet.platform.history.Change;
import io.chipbet.platform.api.Amounts;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.platform.contract.talent.TrainingProgramEvent;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import io.chipbet.talent.Regions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;

/** Workers of one role added in one region each year from startYear to endYear. Immutable once recorded. */
@Entity
@Table(name = "training_program", indexes = @Index(name = "training_program_pool", columnList = "region, role"))
public class TrainingProgram extends ImmutableAggregate<TrainingProgramState> {

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String region;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TalentRole role;

    @Column(name = "workers_per_year", nullable = false)
    public long workersPerYear;

    @Column(name = "start_year", nullable = false)
    public int startYear;

    @Column(name = "end_year", nullable = false)
    public int endYear;

    @Column(name = "funding_usd", precision = 22, scale = 2)
    public BigDecimal fundingUsd;

    /** Records a new program: {@code TrainingProgramLaunched}, its only event. Its years must be in order. */
    public Change<TrainingProgramState> launch(NewTrainingProgram request) {
        if (request.endYear() < request.startYear()) {
            throw ProblemException.unprocessable("year-order", "Years out of order",
                    "The program ends in " + request.endYear() + ", before it starts in " + request.startYear(),
                    List.of(new Problem.Violation("endYear", "must not be before startYear " + request.startYear())));
        }
        name = request.name().trim();
        region = Regions.code(request.region());
        role = request.role();
        workersPerYear = request.workersPerYear();
        startYear = request.startYear();
        endYear = request.endYear();
        fundingUsd = Amounts.money(request.fundingUsd());
        return recorded(TrainingProgramEvent.LAUNCHED, request.source());
    }

    @Override
    public TrainingProgramState toState() {
        return new TrainingProgramState(id, name, region, role, workersPerYear, startYear, endYear, fundingUsd, source(), 1, createdAt);
    }
}
