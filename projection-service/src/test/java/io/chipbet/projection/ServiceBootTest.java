package io.chipbet.projection;

import io.chipbet.platform.testing.ServiceConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceBootTest extends ServiceConventionsTest {
}
