package io.chipbet.projection;

import io.chipbet.platform.testing.MigrationTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SchemaMigrationTest extends MigrationTest {
}
