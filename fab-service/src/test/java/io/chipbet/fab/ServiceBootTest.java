package io.chipbet.fab;

import io.chipbet.platform.testing.ServiceConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceBootTest extends ServiceConventionsTest {
}
