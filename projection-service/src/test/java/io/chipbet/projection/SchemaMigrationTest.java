package io.chipbet.projection;

import io.chipbet.platform.testing.MigrationTest;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Map;

@QuarkusTest
class SchemaMigrationTest extends MigrationTest {

    /** Model v2 keeps release 1's points (a score out of 100) apart, and starts its own history (V4). */
    @Override
    protected Map<String, String> movedTables() {
        return Map.of("score_point", "score_point_v1");
    }
}
