package io.chipbet.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.persistence.SafeContexts;
import io.chipbet.platform.testing.EventTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-aggregate order with more than one relay, as Kubernetes runs one per replica. Here the
 * service's own relay is off, and the tests drive relays themselves: each {@link OutboxRelay#publishBatch}
 * running at the same time is another relay, with its own transaction and its own claims.
 */
@QuarkusTest
@TestProfile(OutboxOrderTest.RelaysDrivenByTheTest.class)
class OutboxOrderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class RelaysDrivenByTheTest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chipbet.outbox.relay-enabled", "false");
        }
    }

    @Inject
    OutboxRelay relay;

    @Inject
    Vertx vertx;

    @Inject
    Pool database;

    /**
     * Relay A claims version 1 and stalls before sending; versions 2 and 3 are written meanwhile.
     * Relay B must leave the aggregate alone (row locks with SKIP LOCKED would let it skip version 1
     * and send 2 and 3 first); once A has sent version 1, B sends 2 and 3.
     */
    @Test
    void whileOneRelayHoldsAnAggregateAnotherSendsNoneOfItsLaterVersions() throws Throwable {
        String id = UUID.randomUUID().toString();
        try (EventTopic topic = new EventTopic(ProbeResource.TOPIC)) {
            given().post("/test/probes/" + id).then().statusCode(200);

            CompletableFuture<List<OutboxRelay.PendingEvent>> claimedByA = new CompletableFuture<>();
            CompletableFuture<Void> releaseA = new CompletableFuture<>();
            CompletableFuture<OutboxRelay.Batch> relayA = onVertx(() -> database.withTransaction(connection -> relay.claim(connection)
                    .invoke(claimedByA::complete)
                    .chain(rows -> afterOnThisContext(releaseA, rows))
                    .chain(rows -> relay.sendAndMark(connection, rows))));
            assertEquals(List.of(1L), claimedByA.get(30, TimeUnit.SECONDS).stream()
                    .filter(row -> row.aggregateId().equals(id)).map(OutboxRelay.PendingEvent::aggregateVersion).toList(), "A holds version 1");

            given().post("/test/probes/" + id + "/renames/second").then().statusCode(200);
            given().post("/test/probes/" + id + "/renames/third").then().statusCode(200);
            VertxContextSupport.subscribeAndAwait(relay::publishBatch);
            assertEquals(List.of(), versionsOn(topic, id, Duration.ofSeconds(2)), "relay B sent nothing of the aggregate A holds");
            assertEquals(3, unpublishedFor(id));

            releaseA.complete(null);
            assertEquals(1, relayA.get(30, TimeUnit.SECONDS).acknowledged(), "A sent version 1");
            VertxContextSupport.subscribeAndAwait(relay::publishBatch);
            topic.awaitKey(id, 3, PATIENCE);
            assertEquals(List.of(1L, 2L, 3L), versionsOn(topic, id, Duration.ofSeconds(1)), "in version order on the partition");
            assertEquals(0, unpublishedFor(id));
        }
    }

    /** Two relays draining all the time while many writers interleave versions of many aggregates: each aggregate's versions in order. */
    @Test
    void twoRelaysDrainingInterleavedWritesKeepEveryAggregatesOrder() throws Exception {
        int aggregates = 12;
        int versions = 8;
        List<String> ids = LongStream.range(0, aggregates).mapToObj(i -> UUID.randomUUID().toString()).toList();
        AtomicBoolean draining = new AtomicBoolean(true);
        try (EventTopic topic = new EventTopic(ProbeResource.TOPIC)) {
            List<CompletableFuture<Void>> relays = List.of(drainUntilStopped(draining), drainUntilStopped(draining));
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (String id : ids) {
                    writes.add(writers.submit(() -> {
                        given().post("/test/probes/" + id).then().statusCode(200);
                        for (int version = 2; version <= versions; version++) {
                            given().post("/test/probes/" + id + "/renames/v" + version).then().statusCode(200);
                        }
                    }));
                }
                for (Future<?> write : writes) {
                    write.get(2, TimeUnit.MINUTES);
                }
            } finally {
                writers.shutdownNow();
            }
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (ids.stream().mapToLong(this::unpublishedFor).sum() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            draining.set(false);
            for (CompletableFuture<Void> relayLoop : relays) {
                relayLoop.get(30, TimeUnit.SECONDS);
            }
            topic.await(record -> ids.contains(record.key()), aggregates * versions, PATIENCE);
            Map<String, List<Long>> byAggregate = new LinkedHashMap<>();
            ids.forEach(id -> byAggregate.put(id, versionsOn(topic, id, Duration.ZERO)));
            List<Long> inOrder = LongStream.rangeClosed(1, versions).boxed().toList();
            byAggregate.forEach((id, seen) -> assertEquals(inOrder, seen, "versions of " + id + " in partition order"));
            assertTrue(ids.stream().allMatch(id -> unpublishedFor(id) == 0));
        }
    }

    /** {@code value} once {@code signal} completes, back on the caller's Vert.x context: its session belongs to it. */
    private static <T> Uni<T> afterOnThisContext(CompletableFuture<Void> signal, T value) {
        io.vertx.core.Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> signal.thenRun(() -> context.runOnContext(ignored -> emitter.complete(value))));
    }

    /** A relay that publishes batch after batch until told to stop: another replica. */
    private CompletableFuture<Void> drainUntilStopped(AtomicBoolean draining) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (!draining.get()) {
                done.complete(null);
                return;
            }
            SafeContexts.run(vertx, () -> relay.publishBatch().subscribe().with(batch -> next[0].run(), done::completeExceptionally));
        };
        next[0].run();
        return done;
    }

    private <T> CompletableFuture<T> onVertx(java.util.function.Supplier<Uni<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        SafeContexts.run(vertx, () -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result;
    }

    /** The aggregate versions of one key, in the order they stand on the topic. */
    private static List<Long> versionsOn(EventTopic topic, String id, Duration quiet) {
        List<ConsumerRecord<String, String>> records = topic.settle(record -> id.equals(record.key()), quiet);
        return records.stream().map(record -> {
            try {
                return JSON.readTree(record.value()).get("aggregateVersion").asLong();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private long unpublishedFor(String aggregateId) {
        return database.preparedQuery("select count(*) from outbox_event where aggregate_id = $1 and published_at is null")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(aggregateId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
