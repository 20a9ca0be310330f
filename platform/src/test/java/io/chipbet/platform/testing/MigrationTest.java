package io.chipbet.platform.testing;

import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that an upgrade keeps what the previous release stored. A scratch database is brought to the
 * previous release's schema, filled with rows as that release wrote them, and migrated with the
 * service's own Flyway configuration (locations, baseline). Every row is then still there, unchanged,
 * and the schema is exactly the one the service's own database got from empty.
 *
 * <p>The previous release is release 1 (versions up to the baseline, 1.1), the schema that Hibernate
 * created before migrations existed. It is reached two ways: as a database from before migrations
 * (no history, so Flyway baselines it) and as one that Flyway brought to release 1.
 *
 * <p>A service's test class extends this and is a {@code @QuarkusTest}. Its rows are in
 * {@code src/test/resources/migration/release-1-rows.sql}; the platform's tables get theirs from
 * {@code release-1-platform-rows.sql} beside this class.
 */
public abstract class MigrationTest {

    static final String PLATFORM_ROWS = "/io/chipbet/platform/testing/release-1-platform-rows.sql";
    static final String SERVICE_ROWS = "/migration/release-1-rows.sql";

    @Inject
    Flyway flyway;

    @Test
    void aDatabaseFromBeforeMigrationsIsBaselinedAndKeepsEveryRow() throws SQLException {
        try (Database database = previousRelease(false)) {
            Map<String, List<String>> before = database.rows();
            migrate(database);
            MigrationInfo[] applied = configure(database).load().info().applied();
            assertEquals("BASELINE " + baseline(), applied[0].getType() + " " + applied[0].getVersion());
            assertUpgraded(database, before);
        }
    }

    @Test
    void aDatabaseAtThePreviousReleaseKeepsEveryRowThroughTheLaterMigrations() throws SQLException {
        try (Database database = previousRelease(true)) {
            Map<String, List<String>> before = database.rows();
            migrate(database);
            assertUpgraded(database, before);
        }
    }

    /**
     * Tables a later migration moved on purpose (old name to new name): their rows must be found, unchanged,
     * under the new name. None by default.
     */
    protected Map<String, String> movedTables() {
        return Map.of();
    }

    /** What the service checks on an upgraded database beyond its rows and schema; nothing by default. */
    protected void upgraded(Connection connection) throws SQLException {
    }

    /**
     * A new scratch database at the previous release, holding the platform's and the service's rows.
     * Without history it is what Hibernate created before migrations existed (release 1's scripts are
     * that schema exactly).
     */
    protected final Database previousRelease(boolean withHistory) throws SQLException {
        Database database = Database.create(ConfigProvider.getConfig());
        configure(database).target(baseline()).load().migrate();
        if (!withHistory) {
            database.execute("drop table " + flyway.getConfiguration().getTable());
        }
        database.execute(resource(PLATFORM_ROWS));
        database.execute(resource(SERVICE_ROWS));
        return database;
    }

    /** Migrates as the service does at start-up. */
    protected final MigrateResult migrate(Database database) {
        return configure(database).load().migrate();
    }

    private void assertUpgraded(Database database, Map<String, List<String>> before) throws SQLException {
        MigrationInfoService history = configure(database).load().info();
        assertEquals(flyway.info().current().getVersion(), history.current().getVersion(), "the upgrade ends where a new database does");
        assertEquals(List.of(), Arrays.stream(history.pending()).map(MigrationInfo::getScript).toList(), "nothing left to apply");
        try (Connection connection = database.connect()) {
            for (Map.Entry<String, List<String>> table : before.entrySet()) {
                String now = movedTables().getOrDefault(table.getKey(), table.getKey());
                for (String row : table.getValue()) {
                    assertTrue(contains(connection, now, row), "lost or changed in " + now + ": " + row);
                }
            }
            upgraded(connection);
        }
        try (Connection fresh = DriverManager.getConnection(Database.url(ConfigProvider.getConfig()),
                Database.user(ConfigProvider.getConfig()), Database.password(ConfigProvider.getConfig()))) {
            assertEquals(String.join("\n", Database.schema(fresh)), String.join("\n", database.schema()),
                    "an upgraded database has the schema a new one gets");
        }
    }

    private static boolean contains(Connection connection, String table, String row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from \"" + table + "\" t where to_jsonb(t) @> cast(? as jsonb)")) {
            statement.setString(1, row);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getLong(1) > 0;
            }
        }
    }

    private MigrationVersion baseline() {
        return flyway.getConfiguration().getBaselineVersion();
    }

    private FluentConfiguration configure(Database database) {
        return Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration())
                .dataSource(database.url, database.user, database.password);
    }

    private String resource(String name) {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scratch database beside the service's own, on the same server; dropped when closed. */
    protected static final class Database implements AutoCloseable {

        private static final String HISTORY = "flyway_schema_history";

        private final String server;
        private final String name;
        final String url;
        final String user;
        final String password;

        private Database(String server, String name, String user, String password) {
            this.server = server;
            this.name = name;
            this.url = server.substring(0, server.lastIndexOf('/') + 1) + name;
            this.user = user;
            this.password = password;
        }

        static Database create(Config config) throws SQLException {
            String own = url(config);
            Database database = new Database(own, own.substring(own.lastIndexOf('/') + 1) + "_upgrade", user(config), password(config));
            database.onServer("drop database if exists " + database.name + " with (force)");
            database.onServer("create database " + database.name);
            return database;
        }

        static String url(Config config) {
            return config.getValue("quarkus.datasource.jdbc.url", String.class);
        }

        static String user(Config config) {
            return config.getValue("quarkus.datasource.username", String.class);
        }

        static String password(Config config) {
            return config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** Runs a script of one or more statements. */
        public void execute(String sql) throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        /** Every table's rows as JSON, by table (the migration history left out). */
        public Map<String, List<String>> rows() throws SQLException {
            Map<String, List<String>> rows = new LinkedHashMap<>();
            try (Connection connection = connect()) {
                for (String table : query(connection, "select table_name from information_schema.tables where table_schema = current_schema()"
                        + " and table_type = 'BASE TABLE' and table_name <> '" + HISTORY + "' order by 1")) {
                    rows.put(table, query(connection, "select to_jsonb(t)::text from \"" + table + "\" t order by 1"));
                }
            }
            return rows;
        }

        /** Columns, constraints, indexes and sequences, one line each (the migration history left out). */
        public List<String> schema() throws SQLException {
            try (Connection connection = connect()) {
                return schema(connection);
            }
        }

        static List<String> schema(Connection connection) throws SQLException {
            return query(connection, """
                    select 'column ' || table_name || '.' || column_name || ' #' || ordinal_position || ' ' || data_type
                           || coalesce('(' || character_maximum_length || ')', '')
                           || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '')
                           || case is_nullable when 'NO' then ' not null' else '' end
                           || coalesce(' default ' || column_default, '')
                      from information_schema.columns where table_schema = current_schema() and table_name <> '%1$s'
                    union all
                    select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                      from pg_constraint where connamespace = current_schema()::regnamespace and conrelid::regclass::text <> '%1$s'
                    union all
                    select 'index ' || indexdef from pg_indexes where schemaname = current_schema() and tablename <> '%1$s'
                    union all
                    select 'sequence ' || sequence_name || ' ' || data_type || ' from ' || start_value || ' by ' || increment
                      from information_schema.sequences where sequence_schema = current_schema()
                    order by 1""".formatted(HISTORY));
        }

        private static List<String> query(Connection connection, String sql) throws SQLException {
            List<String> lines = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    lines.add(result.getString(1));
                }
            }
            return lines;
        }

        private void onServer(String sql) throws SQLException {
            try (Connection connection = DriverManager.getConnection(server, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        @Override
        public void close() throws SQLException {
            onServer("drop database if exists " + name + " with (force)");
        }
    }
}
