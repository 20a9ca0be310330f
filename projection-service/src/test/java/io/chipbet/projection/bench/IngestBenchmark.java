package io.chipbet.projection.bench;

import io.chipbet.platform.contract.fab.FabTopics;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.FundingTopics;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.contract.talent.TalentTopics;
import io.chipbet.projection.Events;
import io.chipbet.projection.score.ScoreBoard;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.chipbet.platform.testing.Api.asEditor;

/**
 * Ingest throughput of the projection (persisted, deduplicated, scored) against a plain Kafka
 * consumer reading the same records in the same run. Not part of the suite; run it with
 * {@code ./mvnw -pl projection-service -am verify -Dtest=IngestBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints its figures; it asserts nothing about speed.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class IngestBenchmark {

    private static final List<String> TOPICS = List.of(FundingTopics.COMMITMENTS, FabTopics.PROJECTS, TalentTopics.POOLS);

    @Inject
    ScoreBoard board;

    @Test
    void ingestAgainstAPlainConsumer() throws Exception {
        int events = Integer.getInteger("bench.events", 50_000);
        int aggregates = Integer.getInteger("bench.aggregates", 1_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        produce(events, aggregates);
        long total = recordsIn(TOPICS);
        awaitProcessedAtLeast(total, Duration.ofMinutes(5)); // the first pass, as the records arrived

        List<Double> raw = new ArrayList<>();
        List<Double> ingest = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            raw.add(rawRate(total));
            long before = board.processed();
            long start = System.nanoTime();
            asEditor().post("/api/v1/admin/rebuild").then().statusCode(202);
            awaitProcessedAtLeast(before + total, Duration.ofMinutes(5));
            ingest.add(total / seconds(start));
        }
        double rawMedian = Figures.median(raw);
        double ingestMedian = Figures.median(ingest);
        System.out.printf(Locale.ROOT, "%nINGEST BENCHMARK  %d records (%d aggregates), %d rounds on %d cores%n",
                total, aggregates, rounds, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  plain consumer   median %,10.0f records/s   %s%n", rawMedian, raw);
        System.out.printf(Locale.ROOT, "  projection       median %,10.0f events/s    %s%n", ingestMedian, ingest);
        System.out.printf(Locale.ROOT, "  ratio            %.2f x the plain consumer%n%n", ingestMedian / rawMedian);
    }

    private static void produce(int events, int aggregates) throws Exception {
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
                producer.send(new ProducerRecord<>(TOPICS.get(0), id.toString(), value));
            }
            producer.flush();
        }
    }

    private static double rawRate(long total) {
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

    private static long recordsIn(List<String> topics) {
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

    private void awaitProcessedAtLeast(long count, Duration timeout) throws InterruptedException {
        Figures.await(() -> board.processed() >= count, timeout, () -> "processed " + board.processed() + " of " + count);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
