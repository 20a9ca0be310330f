package io.chipbet.platform.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipbet.platform.contract.fab.FabEvent;
import io.chipbet.platform.testing.EventSchemas;
import io.chipbet.platform.event.EventStream;
import io.chipbet.platform.event.EventType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The schemas and the AsyncAPI document in {@code src/main/resources/schemas} are exactly what the
 * contract records and the event types make: a record or an event type that changed without them
 * (a renamed field, a new constraint, a new event type) fails the build here.
 */
class ContractSchemasTest {

    static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    static final String REGENERATE = "./mvnw -B -pl platform test -Dtest=ContractSchemasTest -Dchipbet.contracts.write=true";

    @Test
    void theCheckedInSchemasAreWhatTheRecordsMake() throws IOException {
        Map<String, String> generated = new ContractSchemas().files();
        if (Boolean.getBoolean("chipbet.contracts.write")) {
            new ContractSchemas().write(SCHEMAS);
        }
        List<String> drifted = new ArrayList<>();
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path path = SCHEMAS.resolve(file.getKey());
            if (!Files.exists(path) || !Files.readString(path).equals(file.getValue())) {
                drifted.add(file.getKey());
            }
        }
        if (!drifted.isEmpty()) {
            fail("The contract records or event types changed, and these files under " + SCHEMAS + " no longer match them: "
                    + drifted + ". Regenerate them (" + REGENERATE + "), review the diff: a removed or renamed field, or a new"
                    + " required one, breaks consumers and needs a new topic version; and keep docs/events.md in step.");
        }
        assertEquals(List.of(), drifted);
    }

    /** The only schemas written by hand: projection-service's answer, checked against its classes by projection-service's tests. */
    static final Set<String> HAND_WRITTEN = Set.of("events/feasibility/FeasibilityChanged.schema.json",
            "events/feasibility/ScenarioEvaluated.schema.json");

    @Test
    void everySchemaFileIsGeneratedOrKnownToBeHandWritten() throws IOException {
        Set<String> generated = new ContractSchemas().files().keySet();
        try (Stream<Path> files = Files.walk(SCHEMAS)) {
            List<String> strays = files.filter(Files::isRegularFile).map(file -> SCHEMAS.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> !generated.contains(file) && !HAND_WRITTEN.contains(file)).sorted().toList();
            assertEquals(List.of(), strays, "schema files nothing generates: delete them, or generate them from a record");
        }
        for (EventType<?> type : EventCatalog.TYPES) {
            String schema = "events/" + type.eventSchema();
            assertTrue(generated.contains(schema) || HAND_WRITTEN.contains(schema), type.wireName() + " has no schema " + schema);
        }
    }

    /** Each state schema has exactly the record's fields, requires exactly its required ones, and allows nothing else. */
    @Test
    void stateSchemasAreStrictAndRequireWhatTheRecordRequires() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<Class<?>> records = new LinkedHashSet<>();
        EventCatalog.TYPES.stream().map(EventType::stream).map(EventStream::dataType).filter(Class::isRecord).forEach(records::add);
        for (EventStream<?> stream : EventCatalog.TYPES.stream().map(EventType::stream).filter(s -> s.dataType().isRecord()).distinct().toList()) {
            JsonNode schema = json.readTree(SCHEMAS.resolve("events/" + io.chipbet.platform.event.EventSchemaNames.stateSchema(stream)).toFile());
            checkStrict(stream.dataType(), schema, stream.dataType().getSimpleName());
        }
        assertTrue(records.size() >= 5, "the five contract states: " + records);
    }

    private static void checkStrict(Class<?> record, JsonNode schema, String where) {
        assertEquals(false, schema.path("additionalProperties").asBoolean(true), where + " allows unknown fields");
        Set<String> fields = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> required = Arrays.stream(record.getRecordComponents()).filter(ContractSchemasTest::isRequired)
                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fields, new TreeSet<>(ContractSchemas.names(schema.get("properties"))), where + ": the schema's fields");
        assertEquals(required, new TreeSet<>(ContractSchemas.names(schema.get("required"))), where + ": the required fields");
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> type = component.getType();
            JsonNode property = schema.get("properties").get(component.getName());
            if (type.isRecord()) {
                checkStrict(type, property, where + "." + component.getName());
            } else if (List.class.isAssignableFrom(type) && property.path("items").path("type").asText().equals("object")) {
                Class<?> element = (Class<?>) ((java.lang.reflect.ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                checkStrict(element, property.get("items"), where + "." + component.getName() + "[]");
            }
        }
    }

    /** Primitive, or constrained not to be null (the constraints land on the component's field and accessor). */
    private static boolean isRequired(RecordComponent component) {
        java.lang.reflect.Method accessor = component.getAccessor();
        return component.getType().isPrimitive() || accessor.isAnnotationPresent(NotNull.class)
                || accessor.isAnnotationPresent(NotBlank.class) || accessor.isAnnotationPresent(NotEmpty.class);
    }

    /**
     * The schemas are written as JSON Schema 2020-12, but AsyncAPI 3 names JSON Schema only as draft-07,
     * so the AsyncAPI document labels their payloads draft-07. That is true only while every schema uses
     * keywords that mean the same in both: none that draft-07 does not know or reads otherwise, and no
     * {@code $ref} beside a constraint (2020-12 applies it; draft-07 ignores it).
     */
    @Test
    void everySchemaMeansTheSameUnderTheDraft07LabelOfTheAsyncApiDocument() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> differences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SCHEMAS.resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                collectDraftDifferences(json.readTree(file.toFile()), SCHEMAS.relativize(file) + "#", differences);
            }
        }
        assertEquals(List.of(), differences, "keywords whose meaning draft-07 does not share: the AsyncAPI label would mislead");
    }

    /**
     * The keywords the two read differently: those of 2019-09 and 2020-12 that draft-07 ignores or reads otherwise, and
     * draft-07's own that 2020-12 dropped or changed ({@code dependencies}, {@code additionalItems}). {@code $defs} is not
     * one while its schemas are reached by JSON pointer ({@code #/$defs/x}), which draft-07 resolves
     * into any member, and carry no {@code $id} of their own.
     */
    private static final Set<String> NOT_IN_DRAFT_07 = Set.of("dependencies", "additionalItems", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef",
            "$recursiveAnchor", "$vocabulary", "prefixItems", "unevaluatedItems", "unevaluatedProperties", "dependentRequired",
            "dependentSchemas", "minContains", "maxContains", "contentSchema", "deprecated");
    private static final Set<String> ANNOTATIONS = Set.of("$ref", "description", "title", "$comment", "examples");
    /** Keywords whose values are data or names, not schemas: not walked for keywords. */
    private static final Set<String> VALUES = Set.of("const", "enum", "default", "examples", "required");
    /** Keywords whose value maps names (not keywords) to schemas. */
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "definitions", "$defs");

    private static void collectDraftDifferences(JsonNode schema, String where, List<String> differences) {
        if (schema.isArray()) {
            for (int i = 0; i < schema.size(); i++) {
                collectDraftDifferences(schema.get(i), where + "/" + i, differences);
            }
            return;
        }
        if (!schema.isObject()) {
            return;
        }
        schema.fieldNames().forEachRemaining(keyword -> {
            if (NOT_IN_DRAFT_07.contains(keyword)) {
                differences.add(where + "/" + keyword);
            }
            if (keyword.equals("$ref") && !ANNOTATIONS.containsAll(ContractSchemas.names(schema))) {
                differences.add(where + ": $ref beside " + ContractSchemas.names(schema));
            }
            if (keyword.equals("items") && schema.get(keyword).isArray()) {
                differences.add(where + "/items: an array (a tuple in draft-07, invalid in 2020-12)");
            }
        });
        schema.fields().forEachRemaining(entry -> {
            if (SCHEMA_MAPS.contains(entry.getKey())) {
                entry.getValue().fields().forEachRemaining(named -> {
                    String at = where + "/" + entry.getKey() + "/" + named.getKey();
                    if (entry.getKey().equals("$defs") && named.getValue().has("$id")) {
                        differences.add(at + ": an $id in $defs (draft-07 does not look for it there)");
                    }
                    collectDraftDifferences(named.getValue(), at, differences);
                });
            } else if (!VALUES.contains(entry.getKey())) {
                collectDraftDifferences(entry.getValue(), where + "/" + entry.getKey(), differences);
            }
        });
    }

    /** The drift a lenient schema let through: an optional field renamed (site to location) is refused. */
    @Test
    void anEventWithARenamedOptionalFieldIsRefused() throws IOException {
        ObjectNode event = (ObjectNode) new ObjectMapper().readTree("""
                {"eventId":"36ac1cb5-0f07-4aa7-a218-62ca11cc7d72","type":"FabAnnounced","aggregateType":"fab",
                 "aggregateId":"a53305c6-d1de-498c-bf0e-a4a64217bba5","aggregateVersion":1,"occurredAt":"2026-11-28T05:10:00.422261508Z",
                 "actor":"editor-user","changes":[],
                 "data":{"id":"a53305c6-d1de-498c-bf0e-a4a64217bba5","name":"Fab 1","operator":"TSMC","site":"Phoenix","country":"US",
                  "region":"US","nodeClass":"LEADING_EDGE","processLabel":null,"capexUsd":null,"capacityWafersPerMonth":20000,
                  "operationsHeadcount":null,"constructionPeakHeadcount":null,"status":"ANNOUNCED","pausedFrom":null,
                  "announcedOn":"2024-01-01","constructionStartOn":null,"originalProductionDate":"2026-01-01",
                  "plannedProductionDate":"2026-01-01","actualProductionDate":null,"slipMonths":0,
                  "sources":[{"url":"https://example.org/a","title":"A source"}],"version":1,
                  "createdAt":"2026-11-28T05:10:00.064872Z","updatedAt":"2026-11-28T05:10:00.064872Z"}}""");
        String schema = FabEvent.ANNOUNCED.eventSchema();
        EventSchemas.validate(schema, event.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.set("location", data.remove("site"));
        AssertionError refused = assertThrows(AssertionError.class, () -> EventSchemas.validate(schema, event.toString()));
        assertTrue(refused.getMessage().contains("location"), refused.getMessage());
    }
}
