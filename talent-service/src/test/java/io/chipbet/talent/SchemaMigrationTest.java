package io.chipbet.talent;

import io.chipbet.platform.testing.MigrationTest;
import io.quarkus.test.junit.QuarkusTest;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SchemaMigrationTest extends MigrationTest {

    /** What the race of issue 11 (defect 3) let release 1 store: a second all-roles pool for US. */
    private static final String SECOND_ALL_ROLES_POOL_IN_US = """
            insert into talent_pool (id, region, role, as_of_year, headcount, annual_pipeline, attrition_rate, sources, version, created_at, updated_at)
            values ('a1000000-0000-4000-8000-000000000009', 'US', null, 2022, 345000, 10000, 0.0500, '[]', 1,
                    '2026-11-20 09:10:00+00', '2026-11-20 09:10:00+00')""";

    /** After V2 the release-1 all-roles pool is still there, and a second one for its region is refused. */
    @Override
    protected void upgraded(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet pool = statement.executeQuery("select headcount from talent_pool where region = 'US' and role is null")) {
            assertTrue(pool.next());
            assertEquals(345000, pool.getLong(1));
        }
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(SECOND_ALL_ROLES_POOL_IN_US);
            }
        });
        assertEquals("23505", refused.getSQLState(), refused.getMessage());
    }

    @Test
    void duplicatePoolsFromRelease1StopTheUpgradeUnchangedUntilMerged() throws SQLException {
        try (Database database = previousRelease(false)) {
            database.execute(SECOND_ALL_ROLES_POOL_IN_US);
            Map<String, List<String>> rows = database.rows();
            List<String> schema = database.schema();
            FlywayException failure = assertThrows(FlywayException.class, () -> migrate(database));
            assertTrue(failure.getMessage().contains("Key (region, role)=(US, null) is duplicated"), failure.getMessage());
            assertEquals(rows, database.rows());
            assertEquals(schema, database.schema());

            // What the operator does: keep one all-roles pool per region; the next start then upgrades.
            database.execute("delete from talent_pool where id = 'a1000000-0000-4000-8000-000000000009'");
            migrate(database);
            assertTrue(database.schema().contains(
                    "constraint talent_pool talent_pool_region_role UNIQUE NULLS NOT DISTINCT (region, role)"), String.join("\n", database.schema()));
        }
    }
}
