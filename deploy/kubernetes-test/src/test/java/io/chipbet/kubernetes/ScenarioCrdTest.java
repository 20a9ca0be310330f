package io.chipbet.kubernetes;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import io.chipbet.projection.scenario.ScenarioChange;
import io.chipbet.projection.scenario.kubernetes.ScenarioChangeSchema;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FeasibilityScenario CRD says what kubectl users rely on, and its spec stays POST /api/v1/scenarios's body. */
class ScenarioCrdTest {

    private static final JsonNode CRD = Manifests.documents(Manifests.read(
            Manifests.KUBERNETES.resolve("base/crds/feasibilityscenarios.chipbet.io-v1.yml"))).get(0);
    private static final JsonNode VERSION = CRD.path("spec").path("versions").get(0);

    @Test
    void groupVersionStatusAndColumns() {
        assertEquals("chipbet.io", CRD.path("spec").path("group").asText());
        assertEquals("Namespaced", CRD.path("spec").path("scope").asText());
        assertEquals("v1alpha1", VERSION.path("name").asText());
        assertTrue(VERSION.path("subresources").has("status"), "status must be a subresource: the operator patches only it");
        Map<String, String> columns = new HashMap<>();
        VERSION.path("additionalPrinterColumns").forEach(c -> columns.put(c.path("name").asText(), c.path("jsonPath").asText()));
        assertEquals(Map.of("P(PLAN)", ".status.probability", "DELIVERABLE", ".status.deliverableP50Wpm",
                "BINDING", ".status.bindingConstraint", "AGE", ".metadata.creationTimestamp"), columns);
        JsonNode status = VERSION.path("schema").path("openAPIV3Schema").path("properties").path("status").path("properties");
        assertEquals(Set.of("probability", "deliverableP50Wpm", "deliverableP50FabsWorth", "bindingConstraint", "resultVersion",
                "observedGeneration", "conditions"), fields(status));
        assertEquals(Set.of("type", "status", "reason", "message", "lastTransitionTime", "observedGeneration"),
                fields(status.path("conditions").path("items").path("properties")));
    }

    /** ScenarioSpec is the CRD's spec type itself; only the changes' schema is written out, so it is checked here. */
    @Test
    void changesSchemaHasEveryKindAndEveryField() {
        JsonNode changes = VERSION.path("schema").path("openAPIV3Schema").path("properties").path("spec").path("properties")
                .path("changes").path("items");
        JsonSubTypes subtypes = ScenarioChange.class.getAnnotation(JsonSubTypes.class);
        Set<String> kinds = Arrays.stream(subtypes.value()).map(JsonSubTypes.Type::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> schemaKinds = new TreeSet<>();
        changes.path("properties").path("kind").path("enum").forEach(k -> schemaKinds.add(k.asText()));
        assertEquals(kinds, schemaKinds);
        assertEquals(List.of("kind"), List.of(changes.path("required").get(0).asText()));

        Map<String, Class<?>> fields = new HashMap<>();
        for (JsonSubTypes.Type type : subtypes.value()) {
            for (RecordComponent component : type.value().getRecordComponents()) {
                Class<?> previous = fields.put(component.getName(), component.getType());
                assertTrue(previous == null || previous == component.getType(), component.getName() + " has two types across the kinds");
            }
        }
        Map<String, Class<?>> mirrored = new HashMap<>();
        for (Field field : ScenarioChangeSchema.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.getName().equals("kind")) {
                mirrored.put(field.getName(), field.getType());
            }
        }
        assertEquals(fields, mirrored, "ScenarioChangeSchema must list exactly ScenarioChange's subtypes' fields, with their types");
        assertEquals(fields.keySet().stream().sorted().toList(),
                fields(changes.path("properties")).stream().filter(f -> !f.equals("kind")).sorted().toList());
    }

    @Test
    void specHasTheRestBodysTopLevelFields() {
        JsonNode spec = VERSION.path("schema").path("openAPIV3Schema").path("properties").path("spec").path("properties");
        Set<String> components = Arrays.stream(io.chipbet.projection.scenario.ScenarioSpec.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        assertEquals(components, fields(spec));
        Set<String> overrides = Arrays.stream(io.chipbet.projection.scenario.ScenarioOverrides.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        assertEquals(overrides, fields(spec.path("overrides").path("properties")));
    }

    private static Set<String> fields(JsonNode properties) {
        Set<String> names = new TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
