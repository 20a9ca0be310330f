package io.chipbet.platform.persistence;

import io.chipbet.platform.idempotency.Idempotency;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every write runs the same few queries, so after the first one their plans come from Hibernate's
 * query-plan cache. A query whose cache key differs on each call (a native query with no result type
 * gets a new result mapping each time) misses on every write and fills the cache with entries of one
 * hash code, which every later lookup then scans: the write benchmark found it in its profile.
 */
@QuarkusTest
class QueryPlanReuseTest {

    private static final int WRITES = 20;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    Idempotency idempotency;

    private Statistics statistics;

    @BeforeEach
    void countQueryPlans() throws Throwable {
        statistics = sessions.getStatistics();
        statistics.setStatisticsEnabled(true);
        write(); // plans made once, here
        statistics.clear();
    }

    /** A write as the services make one: an entity and its outbox event, and an idempotent create (its key's lock). */
    private void write() throws Throwable {
        given().post("/test/probes/" + UUID.randomUUID()).then().statusCode(200);
        String key = UUID.randomUUID().toString();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> idempotency.create(
                new WriteRequest("api/v1/probes", key), Map.of("key", key),
                () -> Uni.createFrom().item(Written.created(URI.create("/api/v1/probes/" + key), Map.of(), 1)))));
    }

    @AfterEach
    void stopCounting() {
        statistics.setStatisticsEnabled(false);
    }

    @Test
    void writesAfterTheFirstReuseTheirQueryPlans() throws Throwable {
        for (int i = 0; i < WRITES; i++) {
            write();
        }
        assertEquals(0, statistics.getQueryPlanCacheMissCount(),
                WRITES + " writes made new query plans; hits: " + statistics.getQueryPlanCacheHitCount());
    }
}
