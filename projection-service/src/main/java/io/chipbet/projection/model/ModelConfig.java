package io.chipbet.projection.model;

import io.chipbet.platform.contract.fab.NodeClass;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.smallrye.config.ConfigMapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** The plan being bet on and the model's weights: every number the score uses. See docs/model.md. */
@ConfigMapping(prefix = "chipbet.model")
public interface ModelConfig {

    /** The key of score events. */
    String planId();

    BigDecimal capitalTargetUsd();

    LocalDate horizon();

    /** Cost of one leading-edge fab, and the capacity that buys: the capacity target's unit price. */
    BigDecimal fabCostUsd();

    long fabCapacityWafersPerMonth();

    Set<NodeClass> nodeClasses();

    /** How much of a commitment's undisbursed amount counts, by status. Disbursed money counts in full. Exact decimals. */
    Map<CommitmentStatus, BigDecimal> statusWeight();

    /** How much of a commitment builds fabs, by purpose. */
    Map<Purpose, BigDecimal> purposeWeight();

    /** Share of the capacity target's construction peak workforce needed at the horizon. */
    double constructionOverlap();
}
