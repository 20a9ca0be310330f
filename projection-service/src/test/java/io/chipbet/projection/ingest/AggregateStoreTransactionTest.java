package io.chipbet.projection.ingest;

import io.chipbet.platform.persistence.Transactions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
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
        IncomingEvent event = new IncomingEvent(UUID.randomUUID(), "ProbeCreated", "probe", id, 1, Instant.now(), LocalDate.of(2026, 1, 2), null, "{}");
        Transactions.NoTransaction upsert = assertThrows(Transactions.NoTransaction.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> store.upsert(List.of(event)))));
        assertTrue(upsert.getMessage().startsWith("AggregateStore.upsert must run inside"), upsert.getMessage());
        Transactions.NoTransaction append = assertThrows(Transactions.NoTransaction.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> store.appendEvents(List.of(event)))));
        assertTrue(append.getMessage().startsWith("AggregateStore.appendEvents must run inside"), append.getMessage());
        assertThrows(Transactions.NoTransaction.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(store::deleteAll)));
        List<AggregateState> stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(store::all));
        assertEquals(0, stored.stream().filter(state -> state.aggregateId.equals(id)).count(), "nothing was written");
        List<Object[]> appended = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(store::eventsByNewsDate));
        assertEquals(0, appended.stream().filter(row -> id.toString().equals(String.valueOf(row[2]))).count(), "no event was kept");
    }
}
