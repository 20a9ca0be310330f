package io.chipbet.platform.outbox;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay wakes on a NOTIFY that the outbox table's trigger sends (R__outbox_notify.sql) on the channel the relay
 * listens on ({@link Outbox#NOTIFY_CHANNEL}). Were the two to disagree, events would still go out, but only on the
 * poll timer, seconds late: no other test would notice. The service's own relay is off here, so the test listens alone.
 */
@QuarkusTest
@TestProfile(OutboxOrderTest.RelaysDrivenByTheTest.class)
class OutboxNotifyTest {

    @Inject
    OutboxNotifications notifications;

    @Test
    void aCommittedOutboxRowNotifiesTheRelaysChannel() throws InterruptedException {
        CountDownLatch notified = new CountDownLatch(1);
        notifications.listen(Outbox.NOTIFY_CHANNEL, notified::countDown);

        // A write before the LISTEN connection is up notifies no one, so write again until one is heard, for 10 s.
        for (int attempt = 0; attempt < 10 && notified.getCount() > 0; attempt++) {
            given().post("/test/probes/" + UUID.randomUUID()).then().statusCode(200);
            notified.await(1, TimeUnit.SECONDS);
        }
        assertTrue(notified.getCount() == 0, "a NOTIFY on " + Outbox.NOTIFY_CHANNEL + " after a commit");
    }
}
