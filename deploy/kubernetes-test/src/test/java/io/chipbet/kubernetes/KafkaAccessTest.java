package io.chipbet.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The KafkaTopics are the topics the code and configuration name, and each service's KafkaUser may do exactly
 * what the service does: derived from its source (outbox appends) and its channels' configuration.
 */
class KafkaAccessTest {

    private static final List<String> CONTRACTS = List.of("io.chipbet.platform.contract.funding.FundingTopics",
            "io.chipbet.platform.contract.fab.FabTopics", "io.chipbet.platform.contract.talent.TalentTopics",
            "io.chipbet.platform.contract.score.ScoreTopics", "io.chipbet.platform.contract.score.ScenarioTopics");

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void aKafkaTopicForEveryTopicUsedAndNoOther(String overlay) {
        List<JsonNode> objects = Manifests.rendered(overlay);
        Set<String> declared = new TreeSet<>();
        Manifests.ofKind(objects, "KafkaTopic").forEach(t -> declared.add(t.path("spec").path("topicName").asText()));
        Set<String> used = new TreeSet<>(topicConstants().values());
        Manifests.SERVICES.forEach(service -> {
            Uses uses = uses(service);
            used.addAll(uses.reads);
            used.addAll(uses.writes);
        });
        assertEquals(used, declared);
        if (overlay.equals("prod")) {
            for (JsonNode topic : Manifests.ofKind(objects, "KafkaTopic")) {
                assertEquals(3, topic.path("spec").path("replicas").asInt(), Manifests.id(topic));
                assertEquals(2, topic.path("spec").path("config").path("min.insync.replicas").asInt(), Manifests.id(topic));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServicesAclsCoverExactlyWhatItDoes(String overlay) {
        List<JsonNode> objects = Manifests.rendered(overlay);
        for (String service : Manifests.SERVICES) {
            Uses uses = uses(service);
            Set<String> expected = new TreeSet<>();
            uses.writes.forEach(t -> expected.add("topic:" + t + ":Write,Describe"));
            uses.reads.forEach(t -> expected.add("topic:" + t + ":Read,Describe"));
            uses.groups.forEach(g -> expected.add("group:" + g + ":Read"));
            JsonNode user = Manifests.one(objects, "KafkaUser", service);
            assertEquals("scram-sha-512", user.path("spec").path("authentication").path("type").asText());
            assertEquals(expected, acls(user), overlay + ": " + service + "'s ACLs");
            // The Deployment takes this user's credentials.
            JsonNode container = Manifests.one(objects, "Deployment", service).path("spec").path("template").path("spec").path("containers").get(0);
            boolean jaas = false;
            for (JsonNode env : container.path("env")) {
                jaas |= env.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")
                        && env.path("valueFrom").path("secretKeyRef").path("name").asText().equals(service)
                        && env.path("valueFrom").path("secretKeyRef").path("key").asText().equals("sasl.jaas.config");
            }
            assertTrue(jaas, service + " does not read its KafkaUser's Secret");
        }
        // The example subscriber reads every public topic, writes nothing.
        Set<String> expected = new TreeSet<>();
        topicConstants().values().forEach(t -> expected.add("topic:" + t + ":Read,Describe"));
        expected.add("group:chipbet-subscriber-*:Read");
        assertEquals(expected, acls(Manifests.one(objects, "KafkaUser", "chipbet-subscriber")));
    }

    record Uses(Set<String> reads, Set<String> writes, Set<String> groups) {
    }

    /** What a service does on Kafka: the topics its code writes and its channels, from its source and configuration. */
    static Uses uses(String service) {
        Map<String, String> constants = topicConstants();
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        // A service names a topic constant only to write it (outbox appends, change journals); it reads through
        // its channels' configuration.
        Pattern append = Pattern.compile("\\b(\\w+Topics)\\.([A-Z_]+)\\b");
        try (Stream<Path> files = Files.walk(Manifests.ROOT.resolve(service).resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = append.matcher(Files.readString(file));
                while (matcher.find()) {
                    String topic = constants.get(matcher.group(1) + "." + matcher.group(2));
                    if (topic != null) {
                        writes.add(topic);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Pattern channel = Pattern.compile("(?m)^mp\\.messaging\\.(incoming|outgoing)\\.([\\w-]+)\\.(topics?|group\\.id)=(.*)$");
        Matcher matcher = channel.matcher(Manifests.read(Manifests.ROOT.resolve(service).resolve("src/main/resources/application.properties")));
        while (matcher.find()) {
            List<String> values = List.of(matcher.group(4).trim().split("\\s*,\\s*"));
            if (matcher.group(3).equals("group.id")) {
                groups.addAll(values);
            } else if (matcher.group(1).equals("incoming")) {
                reads.addAll(values);
            } else {
                writes.addAll(values);
            }
        }
        return new Uses(reads, writes, groups);
    }

    /** Every topic constant of platform's contract: "FundingTopics.COMMITMENTS" -> its name. */
    static Map<String, String> topicConstants() {
        Map<String, String> constants = new HashMap<>();
        for (String name : CONTRACTS) {
            try {
                Class<?> contract = Class.forName(name);
                for (Field field : contract.getFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                            && ((String) field.get(null)).matches("chipbet\\.[a-z.-]+\\.v\\d+")) {
                        constants.put(contract.getSimpleName() + "." + field.getName(), (String) field.get(null));
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return constants;
    }

    private static Set<String> acls(JsonNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            List<String> operations = new java.util.ArrayList<>();
            acl.path("operations").forEach(o -> operations.add(o.asText()));
            assertEquals("allow", acl.path("type").asText("allow"));
            acls.add(resource.path("type").asText() + ":" + resource.path("name").asText()
                    + (resource.path("patternType").asText().equals("prefix") ? "*" : "") + ":" + String.join(",", operations));
        }
        return acls;
    }
}
