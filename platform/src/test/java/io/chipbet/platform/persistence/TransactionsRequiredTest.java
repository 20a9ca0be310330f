package io.chipbet.platform.persistence;

import io.chipbet.platform.history.Change;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.platform.contract.talent.TrainingProgramEvent;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.history.ChangeJournal;
import io.chipbet.platform.idempotency.Idempotency;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What must run inside its caller's transaction fails at once outside one, and writes nothing. */
@QuarkusTest
class TransactionsRequiredTest {

    private static final String TOPIC = "chipbet.test.no-transaction.v1";

    @Inject
    Outbox outbox;

    @Inject
    ChangeJournal journal;

    @Inject
    Idempotency idempotency;

    @Inject
    Pool database;

    @Test
    void theOutboxRefusesToAppendWithoutATransaction() throws Throwable {
        UUID id = UUID.randomUUID();
        DomainEvent event = DomainEvent.of("ProbeCreated", "probe", id, 1, "test", List.of(), Map.of());
        assertRefused("Outbox.append", () -> Panache.withSession(() -> outbox.append(TOPIC, event)));
        assertRefused("Outbox.append", () -> outbox.append(TOPIC, event));
        assertEquals(0, rowsFor(id.toString()), "no event was written");
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.append(TOPIC, event)));
        assertEquals(1, rowsFor(id.toString()), "inside a transaction it appends");
    }

    @Test
    void theJournalRefusesToRecordWithoutATransaction() {
        TrainingProgramState program = new TrainingProgramState(UUID.randomUUID(), "A program", "US", TalentRole.TECHNICIAN, 10,
                2025, 2026, BigDecimal.ONE, new SourceRef("https://example.org/p", "A source"), 1, Instant.now());
        Change<TrainingProgramState> launched = Change.created(TrainingProgramEvent.LAUNCHED, program, program.createdAt(),
                program.source(), null, null);
        assertRefused("ChangeJournal.record", () -> Panache.withSession(() -> journal.record(launched, null, "test")));
        assertEquals(0, rowsFor(program.id().toString()));
    }

    @Test
    void anIdempotentWriteRefusesToRunWithoutATransaction() {
        WriteRequest write = new WriteRequest("/api/v1/probes", "key-" + UUID.randomUUID());
        AtomicBoolean ran = new AtomicBoolean();
        assertRefused("Idempotency", () -> Panache.withSession(() -> idempotency.create(write, "body", () -> {
            ran.set(true);
            return Uni.createFrom().item(Written.created(URI.create("/api/v1/probes/1"), "body", 1));
        })));
        assertFalse(ran.get(), "the write did not run");
    }

    private static void assertRefused(String what, Supplier<Uni<?>> work) {
        Transactions.NoTransaction refused = assertThrows(Transactions.NoTransaction.class,
                () -> VertxContextSupport.subscribeAndAwait(work::get));
        assertTrue(refused.getMessage().startsWith(what + " must run inside its caller's transaction"), refused.getMessage());
    }

    private long rowsFor(String aggregateId) {
        return database.preparedQuery("select count(*) from outbox_event where aggregate_id = $1")
                .execute(Tuple.of(aggregateId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
