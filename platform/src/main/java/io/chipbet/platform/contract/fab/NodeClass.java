package io.chipbet.platform.contract.fab;

/** What a fab makes: LEADING_EDGE is 3 nm and below, ADVANCED 4-7 nm. */
public enum NodeClass {
    LEADING_EDGE, ADVANCED, MATURE, ADVANCED_PACKAGING, MEMORY_HBM
}
