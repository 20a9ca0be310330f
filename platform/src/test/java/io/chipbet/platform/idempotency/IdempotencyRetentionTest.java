package io.chipbet.platform.idempotency;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class IdempotencyRetentionTest {

    @Inject
    Pool database;

    @Inject
    IdempotencyRetention retention;

    @Inject
    IdempotencyConfig config;

    @Test
    void keysPastTheRetentionAreDeletedAndYoungerOnesKept() throws Throwable {
        assertEquals(Duration.ofDays(7), config.retention(), "the documented default");
        String old = "old-" + UUID.randomUUID();
        String young = "young-" + UUID.randomUUID();
        remember(old, 8 * 24);
        remember(young, 7 * 24 - 1);

        int deleted = VertxContextSupport.subscribeAndAwait(retention::purge);
        assertTrue(deleted >= 1, "deleted " + deleted);
        assertEquals(0, rowsWith(old), "first used 8 days ago, past the 7-day retention");
        assertEquals(1, rowsWith(young), "still within the retention");
    }

    private void remember(String key, int hoursAgo) {
        database.preparedQuery("insert into idempotent_request (scope, idempotency_key, request_hash, status, location, body, "
                        + "version, created_at) values ('tests', $1, 'hash', 201, '/tests/1', '{}', 1, now() - $2 * interval '1 hour')")
                .execute(Tuple.of(key, hoursAgo)).await().atMost(Duration.ofSeconds(10));
    }

    private long rowsWith(String key) {
        return database.preparedQuery("select count(*) from idempotent_request where idempotency_key = $1")
                .execute(Tuple.of(key)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
