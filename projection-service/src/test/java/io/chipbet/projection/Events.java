package io.chipbet.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.fab.NodeClass;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.InvestorKind;
import io.chipbet.platform.contract.funding.InvestorRef;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.platform.event.DomainEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Builds contract-shaped events and produces them with a plain Kafka producer, as the services would. */
public final class Events {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final List<SourceRef> SOURCES = List.of(new SourceRef("https://example.org/source", "A source"));

    private Events() {
    }

    public static CommitmentState commitment(UUID id, String investor, String amount, Purpose purpose, CommitmentStatus status,
                                             String disbursed, long version) {
        return new CommitmentState(id, new InvestorRef(UUID.randomUUID(), investor, InvestorKind.CORPORATE, "JP"),
                new BigDecimal(amount), null, null, purpose, status, new BigDecimal(disbursed), LocalDate.of(2024, 1, 1),
                SOURCES, null, List.of(), version, Instant.now(), Instant.now());
    }

    public static FabState fab(UUID id, String name, FabStatus status, int capacity, Integer operations, LocalDate planned,
                               LocalDate actual, long version) {
        return new FabState(id, name, "TSMC", "Phoenix", "US", "US", NodeClass.LEADING_EDGE, "N2", null, capacity, operations,
                null, status, null, null, LocalDate.of(2020, 5, 15), null, planned, planned, actual, 0, SOURCES, version,
                Instant.now(), Instant.now());
    }

    public static TalentPoolState pool(UUID id, long headcount, long pipeline, int asOfYear, long version) {
        return new TalentPoolState(id, "US", TalentRole.ENGINEER, asOfYear, headcount, pipeline, BigDecimal.ZERO, SOURCES,
                version, Instant.now(), Instant.now());
    }

    /** An envelope with its JSON changed, e.g. a field of {@code data} nulled: a record that breaks the contract. */
    public static String mutated(String envelope, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(envelope);
            change.accept(tree);
            return JSON.writeValueAsString(tree);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ShortfallEstimateState estimate(UUID id, String region, long shortfall, Long demand, long version) {
        return new ShortfallEstimateState(id, region, null, 2030, shortfall, demand, SOURCES.get(0), version, Instant.now());
    }

    /** One role's shortfall in a target year, as a study splits it, published at a given moment. */
    public static ShortfallEstimateState estimate(UUID id, String region, TalentRole role, int targetYear, long shortfall, SourceRef source,
                                                  Instant createdAt) {
        return new ShortfallEstimateState(id, region, role, targetYear, shortfall, null, source, 1, createdAt);
    }

    public static String envelope(String type, String aggregateType, UUID id, long version, Object state) {
        try {
            return JSON.writeValueAsString(DomainEvent.of(type, aggregateType, id, version, "test", List.of(), state));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Many records through one producer, sent together: they reach the projection in few batches. */
    public static void sendAll(String topic, List<Map.Entry<String, String>> records) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 50), new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = records.stream()
                    .map(record -> producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()))).toList();
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not produce to " + topic, e);
        }
    }

    public static void send(String topic, String key, String value) {
        sendAll(topic, List.of(Map.entry(key, value)));
    }
}
