package io.chipbet.platform.outbox;

import io.chipbet.infra.testing.TestInfrastructure;
import io.chipbet.platform.event.CloudEventHeaders;
import io.chipbet.platform.testing.EventSchemas;
import io.chipbet.platform.testing.EventTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OutboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Pool database;

    @Inject
    OutboxRetention retention;

    @Test
    void anEntityAndItsEventWrittenInOneTransactionReachKafkaExactlyOnce() {
        String id = UUID.randomUUID().toString();
        try (EventTopic topic = new EventTopic(ProbeResource.TOPIC)) {
            given().post("/test/probes/" + id).then().statusCode(200);

            List<ConsumerRecord<String, String>> records = topic.awaitKey(id, 1, PATIENCE);
            assertEquals(1, records.size(), "the event arrived");
            ConsumerRecord<String, String> record = records.get(0);
            var event = EventSchemas.validate("envelope.schema.json", record.value());
            assertEquals("ProbeCreated", event.get("type").asText());
            assertEquals(event.get("eventId").asText(), CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID));
            assertEquals("1.0", CloudEventHeaders.read(record.headers(), CloudEventHeaders.SPEC_VERSION));
            assertEquals("io.chipbet.probe.ProbeCreated", CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE));
            assertEquals(id, CloudEventHeaders.read(record.headers(), CloudEventHeaders.SUBJECT));

            assertEquals(1, topic.settle(r -> id.equals(r.key()), Duration.ofSeconds(3)).size(), "and only once");
            assertEquals(0, unpublishedFor(id));
            assertEquals(1, probesWith(id));
        }
    }

    @Test
    void aRolledBackTransactionLeavesNeitherEntityNorEvent() {
        String failed = UUID.randomUUID().toString();
        String committedAfter = UUID.randomUUID().toString();
        try (EventTopic topic = new EventTopic(ProbeResource.TOPIC)) {
            given().post("/test/probes/" + failed + "?failAfterWrite=true").then().statusCode(500);
            given().post("/test/probes/" + committedAfter).then().statusCode(200);

            // Once the later event is on the topic, the relay has passed the point where the failed one would be.
            assertEquals(1, topic.awaitKey(committedAfter, 1, PATIENCE).size());
            assertEquals(0, topic.settle(r -> failed.equals(r.key()), Duration.ofSeconds(2)).size());
            assertEquals(0, probesWith(failed));
            assertEquals(0, rowsFor(failed));
        }
    }

    @Test
    void withTheBrokerDownEventsWaitInTheOutboxAndDrainInOrderOnceItIsBack() {
        String id = UUID.randomUUID().toString();
        try (EventTopic topic = new EventTopic(ProbeResource.TOPIC)) {
            TestInfrastructure.stopKafka();
            try {
                given().post("/test/probes/" + id).then().statusCode(200);
                given().post("/test/probes/" + id + "/renames/second").then().statusCode(200);
                given().post("/test/probes/" + id + "/renames/third").then().statusCode(200);
                // The relay retries every second meanwhile; nothing may be marked published without an acknowledgement.
                sleep(Duration.ofSeconds(3));
                assertEquals(3, unpublishedFor(id), "all three wait in the outbox while the broker is down");
            } finally {
                TestInfrastructure.startKafka();
            }
            List<ConsumerRecord<String, String>> drained = topic.awaitKey(id, 3, Duration.ofSeconds(60));
            assertEquals(List.of("ProbeCreated", "ProbeRenamed", "ProbeRenamed"),
                    drained.stream().map(record -> EventSchemas.validate("envelope.schema.json", record.value())
                            .get("type").asText()).toList(), "in the order they were written");
            assertEquals(List.of(1L, 2L, 3L), drained.stream().map(record -> EventSchemas
                    .validate("envelope.schema.json", record.value()).get("aggregateVersion").asLong()).toList());
            // Rows are marked once the relay's next transaction sees the acknowledgements.
            awaitUntil(() -> unpublishedFor(id) == 0, Duration.ofSeconds(30));
            assertEquals(0, unpublishedFor(id));
        }
    }

    @Test
    void publishedRowsPastTheRetentionAreDeletedAndUnpublishedOnesNever() throws Throwable {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        try (EventTopic topic = new EventTopic(ProbeResource.TOPIC)) {
            given().post("/test/probes/" + old).then().statusCode(200);
            given().post("/test/probes/" + recent).then().statusCode(200);
            topic.awaitKey(recent, 1, PATIENCE);
            awaitUntil(() -> unpublishedFor(old) == 0 && unpublishedFor(recent) == 0, PATIENCE);
        }
        String waiting = UUID.randomUUID().toString();
        database.preparedQuery("update outbox_event set published_at = now() - interval '8 days' where aggregate_id = $1")
                .execute(Tuple.of(old)).await().atMost(Duration.ofSeconds(10));
        // A row not yet published, however old its event, must survive. (The relay may publish it meanwhile:
        // then it was published just now, and survives too.)
        database.preparedQuery("insert into outbox_event (id, event_id, topic, aggregate_type, aggregate_id, aggregate_version, "
                        + "event_type, occurred_at, payload) values (nextval('outbox_event_seq'), gen_random_uuid(), $2, 'probe', $1, 1, "
                        + "'ProbeCreated', now() - interval '30 days', '{}')")
                .execute(Tuple.of(waiting, ProbeResource.TOPIC)).await().atMost(Duration.ofSeconds(10));

        int deleted = VertxContextSupport.subscribeAndAwait(retention::purge);
        assertTrue(deleted >= 1, "deleted " + deleted);
        assertEquals(0, rowsFor(old), "published 8 days ago, past the 7-day retention");
        assertEquals(1, rowsFor(recent), "published just now");
        assertEquals(1, rowsFor(waiting), "not published when the purge began");
    }

    private long unpublishedFor(String aggregateId) {
        return count("select count(*) from outbox_event where aggregate_id = $1 and published_at is null", aggregateId);
    }

    private long rowsFor(String aggregateId) {
        return count("select count(*) from outbox_event where aggregate_id = $1", aggregateId);
    }

    private long probesWith(String id) {
        return count("select count(*) from probe where id = $1::uuid", id);
    }

    private long count(String sql, String parameter) {
        return database.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
