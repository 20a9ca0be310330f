package io.chipbet.projection;

import io.chipbet.platform.testing.ArchitectureTest;

/** platform's architecture rules, on projection-service. */
class ArchitectureRulesTest extends ArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.chipbet.projection";
    }

    /** FeasibilityResource's history and changes still open their sessions (@WithSession): for the lead to move into a service. */
    @Override
    protected boolean resourcesMayOpenSessions() {
        return true;
    }
}
