package io.chipbet.projection.ingest;

import io.chipbet.projection.score.ScoreBoard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the funding, fab and talent topics from the earliest offset, in batches, on one channel, so
 * that batches apply one after another. Records arrive parsed ({@link EventDeserializer}). Poison goes to the dead-letter topic; everything else is
 * applied, and the batch is acknowledged only once it is committed.
 */
@ApplicationScoped
public class EventIngestor {

    private final EventParser parser;
    private final ScoreBoard board;
    private final DeadLetters deadLetters;
    private final RebuildFence fence;
    private final Counter applied;
    private final Counter poisoned;
    private final CompletableFuture<Void> restored = new CompletableFuture<>();

    public EventIngestor(EventParser parser, ScoreBoard board, DeadLetters deadLetters, RebuildFence fence, MeterRegistry registry) {
        this.parser = parser;
        this.board = board;
        this.deadLetters = deadLetters;
        this.fence = fence;
        this.applied = Counter.builder("chipbet.projection.events").description("Events read and understood").register(registry);
        this.poisoned = Counter.builder("chipbet.projection.dead.letters").description("Records dead-lettered").register(registry);
    }

    /** The state comes back from the projection's own database, not from the topics. */
    void restore(@Observes StartupEvent startup) throws Throwable {
        VertxContextSupport.subscribeAndAwait(board::restore);
        restored.complete(null);
    }

    @Incoming("domain-events")
    public Uni<Void> consume(KafkaRecordBatch<String, ParsedRecord> batch) {
        boolean reset = fence.takeReset();
        List<IncomingEvent> events = new ArrayList<>();
        Uni<Void> deadLettered = Uni.createFrom().voidItem();
        for (KafkaRecord<String, ParsedRecord> record : batch.getRecords()) {
            if (!fence.admits(record)) {
                continue; // fetched before a rebuild's seek: the replay brings it again
            }
            String poison = poisonIn(record);
            if (poison == null) {
                events.add(record.getPayload().event());
            } else {
                poisoned.increment();
                deadLettered = deadLettered.chain(() -> deadLetters.send(record, poison));
            }
        }
        applied.increment(events.size());
        Uni<Void> poisonHandled = deadLettered;
        return Uni.createFrom().completionStage(restored)
                .chain(() -> poisonHandled)
                .chain(() -> board.apply(events, reset))
                // The database or the broker is away: keep trying, never skip a batch.
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** Why a record cannot be applied, or null if it can. */
    private String poisonIn(KafkaRecord<String, ParsedRecord> record) {
        ParsedRecord parsed = record.getPayload();
        if (parsed == null) {
            return "empty value";
        }
        if (parsed.poison() != null) {
            return parsed.poison();
        }
        try {
            parser.checkKey(record.getKey(), parsed.event());
            return null;
        } catch (EventParser.Poison poison) {
            return poison.getMessage();
        }
    }
}
