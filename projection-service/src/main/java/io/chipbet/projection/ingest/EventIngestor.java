package io.chipbet.projection.ingest;

import io.chipbet.projection.leadership.Leadership;
import io.chipbet.projection.score.ScoreBoard;
import io.smallrye.reactive.messaging.ChannelRegistry;
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
public class EventIngestor implements Leadership.Listener {

    static final String CHANNEL = "domain-events";

    private final EventParser parser;
    private final ScoreBoard board;
    private final DeadLetters deadLetters;
    private final RebuildFence fence;
    private final Counter applied;
    private final CompletableFuture<Void> restored = new CompletableFuture<>();

    private final Leadership leadership;
    private final ChannelRegistry channels;

    public EventIngestor(EventParser parser, ScoreBoard board, DeadLetters deadLetters, RebuildFence fence, MeterRegistry registry,
                         Leadership leadership, ChannelRegistry channels) {
        this.leadership = leadership;
        this.channels = channels;
        this.parser = parser;
        this.board = board;
        this.deadLetters = deadLetters;
        this.fence = fence;
        this.applied = Counter.builder("chipbet.projection.events").description("Events read and understood").register(registry);
    }

    /**
     * The state comes back from the projection's own database, not from the topics. Then this replica
     * follows the persisted projection until it leads; only the leader consumes (the channel starts
     * paused, and subscribes when resumed).
     */
    void restore(@Observes StartupEvent startup) throws Throwable {
        VertxContextSupport.subscribeAndAwait(board::restore);
        restored.complete(null);
        leadership.listen(this);
        leadership.start();
    }

    @Override
    public void elected(long epoch) {
        try {
            // What the previous leader committed is the starting point; its acknowledged offsets follow from it.
            VertxContextSupport.subscribeAndAwait(board::restore);
            channels.getPausable(CHANNEL).resume();
        } catch (Throwable failure) {
            throw new IllegalStateException("Could not take over the projection", failure);
        }
    }

    @Override
    public void followerTick() {
        try {
            VertxContextSupport.subscribeAndAwait(board::followPersisted);
        } catch (Throwable failure) {
            throw new IllegalStateException("Could not follow the persisted projection", failure);
        }
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, ParsedRecord> batch) {
        return Uni.createFrom().deferred(() -> {
            boolean reset = fence.takeReset();
            List<IncomingEvent> events = new ArrayList<>();
            List<Uni<Void>> deadLettered = new ArrayList<>();
            for (KafkaRecord<String, ParsedRecord> record : batch.getRecords()) {
                if (!fence.admits(record)) {
                    continue; // fetched before a rebuild's seek: the replay brings it again
                }
                String poison = poisonIn(record);
                if (poison == null) {
                    events.add(record.getPayload().event());
                } else {
                    deadLettered.add(deadLetters.send(record, poison));
                }
            }
            applied.increment(events.size());
            // The database or the broker is away: keep trying, never skip a batch. Each step retries
            // on its own, so a retried apply does not send its dead letters again.
            return Uni.createFrom().completionStage(restored)
                    .chain(() -> untilDone(Uni.join().all(deadLettered).andFailFast().replaceWithVoid(), deadLettered.isEmpty()))
                    .chain(() -> untilDone(board.apply(events, reset), false))
                    .chain(() -> Uni.createFrom().completionStage(batch.ack()));
        });
    }

    /**
     * Retries until it succeeds. A batch is acknowledged only once it is saved, and never given up:
     * a nack would commit its offsets under some failure strategies, and its facts would be lost.
     */
    private static Uni<Void> untilDone(Uni<Void> step, boolean nothingToDo) {
        if (nothingToDo) {
            return Uni.createFrom().voidItem();
        }
        return step.onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely();
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
