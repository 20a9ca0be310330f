package io.chipbet.projection.ingest;

import io.chipbet.platform.contract.score.ScoreTopics;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * Sends a record the projection cannot use to the dead-letter topic, byte for byte as it came, with the reason and
 * its origin in {@code dead-letter-*} headers (SmallRye's own names). Consumption goes on.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String TOPIC = ScoreTopics.DEAD_LETTERS;
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<byte[]> emitter;
    private final MeterRegistry registry;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<byte[]> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        this.registry = registry;
    }

    /** A reason's kind, a tag with few values: the words of a reason vary with each record. */
    static String kindOf(String reason) {
        if (reason.startsWith("data breaks the contract") || reason.startsWith("data.")) {
            return "contract";
        }
        if (reason.startsWith("unknown aggregateType")) {
            return "unknown-type";
        }
        if (reason.startsWith("record key")) {
            return "key";
        }
        if (reason.startsWith("missing ") || reason.startsWith("aggregateVersion")) {
            return "envelope";
        }
        if (reason.startsWith("empty value")) {
            return "empty";
        }
        return "unreadable";
    }

    public Uni<Void> send(KafkaRecord<String, ParsedRecord> record, String reason) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.getTopic(), record.getPartition(), offset, reason);
        registry.counter("chipbet.projection.dead.letters", "topic", record.getTopic(), "reason", kindOf(reason)).increment();
        RecordHeaders headers = new RecordHeaders();
        record.getHeaders().forEach(headers::add);
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.getTopic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", String.valueOf(record.getPartition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", String.valueOf(offset).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(TOPIC).withKey(record.getKey()).withHeaders(headers).build();
        // A tombstone stays one (a null value), so that the copy is the record as it came.
        byte[] raw = record.getPayload() == null ? null : record.getPayload().raw();
        return emitter.sendMessage(Message.of(raw, Metadata.of(metadata)));
    }
}
