package io.chipbet.platform.contract.funding;

/**
 * How real a commitment is, from talk to money paid. The forward order is the declaration order;
 * {@code WITHDRAWN} stands outside it.
 */
public enum CommitmentStatus {
    RUMORED, DISCUSSED, PLEDGED, COMMITTED, DISBURSED, WITHDRAWN
}
