package io.chipbet.platform;

import io.chipbet.platform.testing.ArchitectureTest;

/** The rules on platform itself: it depends on no service, and its packages form no cycle. */
class PlatformArchitectureTest extends ArchitectureTest {

    @Override
    protected String rootPackage() {
        return "io.chipbet.platform";
    }
}
