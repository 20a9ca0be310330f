package io.chipbet.platform.contract.funding;

/** What the money is for. LAB_EQUITY is a stake in an AI lab: it funds the lab, not fabs. */
public enum Purpose {
    FABS, DATA_CENTERS, GENERAL_AI_INFRASTRUCTURE, LAB_EQUITY
}
