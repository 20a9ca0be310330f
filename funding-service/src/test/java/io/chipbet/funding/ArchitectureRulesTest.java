package io.chipbet.funding;

import io.chipbet.platform.testing.ArchitectureTest;

/** platform's architecture rules, on funding-service. */
class ArchitectureRulesTest extends ArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.chipbet.funding";
    }
}
