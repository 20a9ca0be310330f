package io.chipbet.platform.contract.funding;

/** What the money is for. */
public enum Purpose {
    FABS, DATA_CENTERS, GENERAL_AI_INFRASTRUCTURE
}
