package io.chipbet.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalInfrastructureTest {

    @TempDir
    Path directory;

    @Test
    void startsRealServersThatWorkSurviveABrokerRestartAndLeaveNoProcess() throws Exception {
        List<ProcessHandle> started;
        try (LocalInfrastructure infrastructure = LocalInfrastructure.forTests(directory).start()) {
            started = new ArrayList<>(infrastructure.processTree());
            assertTrue(started.size() >= 4, "a guard and a server each for Kafka and PostgreSQL: " + started);

            String bootstrap = infrastructure.kafka().bootstrapServers();
            String topic = "chipbet.test.launcher.v1";
            RecordMetadata written = produce(bootstrap, topic, "fab-1", "{\"hello\":\"kafka\"}");
            assertEquals(List.of("fab-1={\"hello\":\"kafka\"}"), consumeAll(bootstrap, topic, 1));

            try (Connection connection = DriverManager.getConnection(
                    infrastructure.postgres().jdbcUrl("funding"), "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("create table probe (id int primary key, name text not null)");
                statement.execute("insert into probe values (1, 'tsmc')");
                ResultSet rows = statement.executeQuery("select name from probe where id = 1");
                assertTrue(rows.next());
                assertEquals("tsmc", rows.getString(1));
            }

            // Same port, same data: what fault tests rely on.
            infrastructure.kafka().stop();
            started.addAll(infrastructure.processTree());
            infrastructure.kafka().start();
            started.addAll(infrastructure.processTree());
            assertEquals(bootstrap, infrastructure.kafka().bootstrapServers());
            produce(bootstrap, topic, "fab-2", "{\"after\":\"restart\"}");
            assertEquals(List.of("fab-1={\"hello\":\"kafka\"}", "fab-2={\"after\":\"restart\"}"),
                    consumeAll(bootstrap, topic, 2));
            assertEquals(0, written.offset());
        }
        for (ProcessHandle process : started) {
            assertFalse(process.isAlive(), "still running after stop: " + process.pid() + " " + process.info());
        }
    }

    private static RecordMetadata produce(String bootstrap, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, 0, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeAll(String bootstrap, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "launcher-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
        }
        return seen;
    }
}
