package io.chipbet.projection.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.testing.TemporaryFolders;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Ingest baseline (b): the same latest-state-per-aggregate projection written with Kafka Streams, over the same topics.
 * Each record's envelope is parsed (as the projection parses it) and kept in a RocksDB key-value store when its
 * aggregate version is newer than the stored one; exactly-once (v2), configured for throughput as the Kafka Streams
 * documentation advises (a record cache, a longer commit interval, batching producers, one stream thread per core).
 * A run counts until the application's committed offsets reach the topics' ends: its work is then durable, as the
 * projection's is when it counts a record processed.
 */
final class StreamsProjection {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORE = "latest-by-aggregate";

    private StreamsProjection() {
    }

    /** Records a second, from start (a fresh application, empty state) to every offset committed. */
    static double rate(long total) throws InterruptedException {
        String application = "bench-streams-" + UUID.randomUUID();
        Path state = TemporaryFolders.create("bench-streams");
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.String()));
        builder.<String, String>stream(BenchRecords.TOPICS).process(LatestState::new, STORE);
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config(application, state));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BenchRecords.bootstrap()))) {
            streams.start();
            Figures.await(() -> committed(admin, application) >= total, Duration.ofMinutes(5),
                    () -> "Kafka Streams committed " + committed(admin, application) + " of " + total);
            double rate = total / BenchRecords.seconds(start);
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
            return rate;
        } finally {
            TemporaryFolders.deleteQuietly(state);
        }
    }

    private static Properties config(String application, Path state) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, BenchRecords.bootstrap());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Runtime.getRuntime().availableProcessors());
        // Throughput: exactly-once commits every 100 ms by default; each commit ends a transaction.
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000);
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2_000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 65_536);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 100);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 262_144);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return config;
    }

    /** The latest state per aggregate: an event replaces the stored one only when its version is newer. */
    private static final class LatestState implements Processor<String, String, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            JsonNode event = parse(record.value());
            String key = event.get("aggregateType").asText() + "/" + event.get("aggregateId").asText();
            long version = event.get("aggregateVersion").asLong();
            String stored = store.get(key);
            if (stored == null || version > parse(stored).get("aggregateVersion").asLong()) {
                store.put(key, record.value());
            }
        }
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long committed(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().filter(java.util.Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            return 0;
        }
    }
}
