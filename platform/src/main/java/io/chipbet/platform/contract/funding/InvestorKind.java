package io.chipbet.platform.contract.funding;

public enum InvestorKind {
    SOVEREIGN_FUND, CORPORATE, GOVERNMENT, PRIVATE_CAPITAL, OTHER
}
