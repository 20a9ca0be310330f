package io.chipbet.chaos;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Reads whole topics, produces raw records and measures consumer lag, against the suite's broker. */
final class Topics implements AutoCloseable {

    /** One record as it sits on its topic. */
    record Record(String topic, int partition, long offset, String key, byte[] value, Map<String, String> headers) {

        String text() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
    }

    private final String bootstrap;
    private final Admin admin;

    Topics(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        this.admin = Admin.create(properties);
    }

    /** Every record of {@code topics} from offset 0 to the end offsets taken first; a topic that does not exist is empty. */
    List<Record> readAll(Collection<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(20));
            for (String topic : topics) {
                for (PartitionInfo info : existing.getOrDefault(topic, List.of())) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            List<Record> records = new ArrayList<>();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, Duration.ofSeconds(20)) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topics + " to its end in 120 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    records.add(new Record(record.topic(), record.partition(), record.offset(),
                            record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), record.value(), headers));
                }
            }
            return records;
        }
    }

    /** The end offset of every partition of {@code topics} (missing topics have none). */
    Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(20));
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> existing.getOrDefault(topic, List.of()).stream().map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            return partitions.isEmpty() ? Map.of() : new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(20)));
        }
    }

    /**
     * Records {@code group} has not committed yet, per topic: the end offset minus the committed offset of every
     * partition of {@code topics} (a partition it never committed counts from 0).
     */
    Map<String, Long> lag(String group, Collection<String> topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
            Map<String, List<TopicPartition>> partitions = new HashMap<>();
            for (var description : admin.describeTopics(topics.stream().filter(existing::contains).toList())
                    .allTopicNames().get(20, TimeUnit.SECONDS).values()) {
                description.partitions().forEach(info -> {
                    TopicPartition partition = new TopicPartition(description.name(), info.partition());
                    latest.put(partition, OffsetSpec.latest());
                    partitions.computeIfAbsent(description.name(), name -> new ArrayList<>()).add(partition);
                });
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS);
            Map<String, Long> lag = new LinkedHashMap<>();
            for (String topic : topics) {
                long behind = 0;
                for (TopicPartition partition : partitions.getOrDefault(topic, List.of())) {
                    OffsetAndMetadata offset = committed.get(partition);
                    behind += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
                }
                lag.put(topic, behind);
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("consumer lag of " + group + " unknown: " + e, e);
        }
    }

    /** Produces raw records (key, value) to {@code topic} and returns where each landed, in order. */
    List<RecordMetadata> produce(String topic, List<Map.Entry<String, byte[]>> records) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<RecordMetadata> landed = new ArrayList<>();
            for (Map.Entry<String, byte[]> record : records) {
                byte[] key = record.getKey() == null ? null : record.getKey().getBytes(StandardCharsets.UTF_8);
                landed.add(producer.send(new ProducerRecord<>(topic, key, record.getValue())).get(30, TimeUnit.SECONDS));
            }
            return landed;
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic + ": " + e, e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static String summary(Map<String, Long> lag) {
        return lag.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
