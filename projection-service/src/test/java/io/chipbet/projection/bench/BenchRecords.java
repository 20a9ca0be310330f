package io.chipbet.projection.bench;

import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.contract.talent.TalentTopics;
import io.chipbet.projection.Events;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Kafka side of the ingest benchmarks: the records they feed the projection, and a plain consumer's rate over them. */
final class BenchRecords {

    static final List<String> TOPICS = List.of(FundingTopics.COMMITMENTS, FabTopics.PROJECTS, TalentTopics.POOLS);

    private BenchRecords() {
    }

    /**
     * {@code events} commitment changes spread over {@code aggregates} commitments, versions 1, 2, ... each. Every one moves
     * the score (its amount changes): the worst case, as each needs a new point.
     */
    static void produceCommitmentChanges(int events, int aggregates) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            ids.add(UUID.randomUUID());
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                UUID id = ids.get(i % aggregates);
                long version = i / aggregates + 1;
                String value = Events.envelope("CommitmentStatusChanged", "commitment", id, version,
                        Events.commitment(id, "Investor " + (i % aggregates), String.valueOf(1000 + version), Purpose.FABS,
                                CommitmentStatus.PLEDGED, "0", version));
                producer.send(new ProducerRecord<>(FundingTopics.COMMITMENTS, id.toString(), value));
            }
            producer.flush();
        }
    }

    /** Records a plain consumer (no parsing, no storage) reads a second from the same topics. */
    static double plainConsumerRate(long total) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(TOPICS);
            long read = 0;
            long start = System.nanoTime();
            while (read < total) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
            return total / seconds(start);
        }
    }

    static long recordsIn(List<String> topics) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream().mapToLong(end -> end.getValue() - begin.get(end.getKey())).sum();
        }
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
