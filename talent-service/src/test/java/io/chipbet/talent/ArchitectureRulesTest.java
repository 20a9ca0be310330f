package io.chipbet.talent;

import io.chipbet.platform.testing.ArchitectureTest;

/** platform's architecture rules, on talent-service. */
class ArchitectureRulesTest extends ArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.chipbet.talent";
    }
}
