package io.chipbet.platform.contract.funding;

/**
 * What the money is for. LAB_EQUITY is a stake in an AI lab: it funds the lab, not fabs.
 * OPERATOR_CAPEX is a chipmaker's own capital spending: it funds the industry's own growth.
 */
public enum Purpose {
    FABS, DATA_CENTERS, GENERAL_AI_INFRASTRUCTURE, LAB_EQUITY, OPERATOR_CAPEX
}
