package io.chipbet.projection.ingest;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a rebuild starts reading again. Records fetched before the seek to offset 0 may still
 * arrive after it; applied to the emptied state first, they would turn the replay of their older
 * versions into no-ops, and those versions would leave no points. So, per partition, records are
 * dropped until the one at its beginning offset arrives: the replay brings the dropped ones again.
 */
@ApplicationScoped
public class RebuildFence {

    private final Map<TopicPartition, Long> awaiting = new ConcurrentHashMap<>();
    private final AtomicBoolean resetPending = new AtomicBoolean();

    /** Called on the polling thread, with each assigned partition's beginning offset, right at the seek. */
    public void raise(Map<TopicPartition, Long> beginnings) {
        awaiting.clear();
        awaiting.putAll(beginnings);
        resetPending.set(true); // set last: whoever sees the reset sees the fence
    }

    /** True once per rebuild: the state must be forgotten before the next batch is applied. */
    public boolean takeReset() {
        return resetPending.getAndSet(false);
    }

    /** Whether a record belongs to the replay (or no rebuild is under way). */
    public boolean admits(KafkaRecord<?, ?> record) {
        if (awaiting.isEmpty()) {
            return true; // no rebuild under way: the usual case, decided without a look at the record
        }
        TopicPartition key = new TopicPartition(record.getTopic(), record.getPartition());
        Long beginning = awaiting.get(key);
        if (beginning == null) {
            return true;
        }
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
        if (offset == beginning) {
            awaiting.remove(key);
            return true;
        }
        return false;
    }
}
