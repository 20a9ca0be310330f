package io.chipbet.fab;

import io.chipbet.platform.testing.ArchitectureTest;

/** platform's architecture rules, on fab-service. */
class ArchitectureRulesTest extends ArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.chipbet.fab";
    }
}
