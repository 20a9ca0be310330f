package io.chipbet.projection.scenario.kubernetes;

import io.chipbet.platform.contract.fab.NodeClass;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.InvestorKind;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.contract.talent.TalentRole;
import io.fabric8.generator.annotation.Required;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The CRD schema of one {@link io.chipbet.projection.scenario.ScenarioChange}. The CRD generator does not follow
 * Jackson's subtypes of an interface, and a structural schema without the fields would prune them; so this lists
 * every subtype's fields under its {@code kind}. Only the schema uses it: the operator reads ScenarioSpec itself,
 * and ScenarioCrdTest fails when this and ScenarioChange's subtypes differ.
 */
public final class ScenarioChangeSchema {

    /** ScenarioChange's @JsonSubTypes names. */
    public enum Kind {
        DELAY_FAB, CANCEL_FAB, WITHDRAW_COMMITMENT, DISBURSE_COMMITMENT, REVISE_COMMITMENT, ADD_COMMITMENT, ADD_TRAINING_PROGRAM, ADD_FAB
    }

    @Required
    public Kind kind;
    public UUID fabId;
    public Integer months;
    public UUID commitmentId;
    public BigDecimal amountUsd;
    public CommitmentStatus status;
    public Purpose purpose;
    public String investorName;
    public InvestorKind investorKind;
    public String investorCountry;
    public String region;
    public TalentRole role;
    public Long workersPerYear;
    public Integer startYear;
    public Integer endYear;
    public String name;
    public String operator;
    public NodeClass nodeClass;
    public Integer capacityWpm;
    public LocalDate productionDate;

    private ScenarioChangeSchema() {
    }
}
