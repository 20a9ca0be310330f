package io.chipbet.projection.ingest;

import io.chipbet.platform.persistence.Transactions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The projection's store writes only inside its caller's transaction, and fails at once outside one. */
@QuarkusTest
class AggregateStoreTransactionTest {

    @Inject
    AggregateStore store;

    @Test
    void theStoreRefusesToWriteWithoutATransaction() throws Throwable {
        UUID id = UUID.randomUUID();
        IncomingEvent event = new IncomingEvent(UUID.randomUUID(), "ProbeCreated", "probe", id, 1, Instant.now(), null, "{}");
        Transactions.NoTransaction upsert = assertThrows(Transactions.NoTransaction.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> store.upsert(List.of(event)))));
        assertTrue(upsert.getMessage().startsWith("AggregateStore.upsert must run inside"), upsert.getMessage());
        assertThrows(Transactions.NoTransaction.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(store::deleteAll)));
        List<AggregateState> stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(store::all));
        assertEquals(0, stored.stream().filter(state -> state.aggregateId.equals(id)).count(), "nothing was written");
    }
}
