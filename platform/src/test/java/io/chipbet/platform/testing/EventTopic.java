package io.chipbet.platform.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads a topic with a plain Kafka consumer, as any subscriber of chipbet's topics would: from the
 * beginning, in a fresh consumer group, with no framework in between.
 */
public final class EventTopic implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public EventTopic(String topic) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Waits up to {@code timeout} until {@code expected} records with this key have arrived; returns all seen for it. */
    public List<ConsumerRecord<String, String>> awaitKey(String key, int expected, Duration timeout) {
        return await(record -> key.equals(record.key()), expected, timeout);
    }

    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> filter, int expected,
                                                      Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(filter).size() < expected && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
        }
        return matching(filter);
    }

    /** Keeps reading for {@code quiet}: to show that nothing more (a duplicate, say) arrives. */
    public List<ConsumerRecord<String, String>> settle(Predicate<ConsumerRecord<String, String>> filter, Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
        }
        return matching(filter);
    }

    private void poll(Duration timeout) {
        consumer.poll(timeout).forEach(seen::add);
    }

    private List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> filter) {
        return seen.stream().filter(filter).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
