package io.chipbet.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Each kind the manifests use, and the typed model or CRD schema that every object of it must fit. */
final class Models {

    static final Map<String, Class<?>> TYPED = Map.ofEntries(
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", io.fabric8.kubernetes.api.model.rbac.Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", io.fabric8.kubernetes.api.model.rbac.RoleBinding.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("apiextensions.k8s.io/v1/CustomResourceDefinition",
                    io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    /** CloudNativePG publishes no Java model: its CRDs (src/test/resources/crds, from its v1.29.2 tag) are the schema. */
    static final Map<String, String> SCHEMA = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "crds/cloudnative-pg/postgresql.cnpg.io_clusters.yaml",
            "postgresql.cnpg.io/v1/Database", "crds/cloudnative-pg/postgresql.cnpg.io_databases.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Models() {
    }

    static String type(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /**
     * Loads the object into its model strictly, writes it back, and fails unless every field given comes back with
     * its value (a model may add defaults; it may not drop or change anything).
     */
    static Object loadStrictly(JsonNode object) {
        String type = type(object);
        Class<?> model = TYPED.get(type);
        if (model != null) {
            try {
                Object typed = Manifests.STRICT.treeToValue(object, model);
                ObjectNode back = JSON.valueToTree(typed);
                // Strimzi 0.51's classes write their storage version (v1beta2); they read v1, whose fields they have.
                if (type.startsWith("kafka.strimzi.io/")) {
                    back.set("apiVersion", object.path("apiVersion"));
                }
                // A field the model does not write back is fine only if it holds the model's default: the object
                // without it reads as the same.
                JsonNode given = object.deepCopy();
                for (String lost = lost(given, back, ""); lost != null; lost = lost(given, back, "")) {
                    if (!back.at(lost).isMissingNode()) {
                        throw new AssertionError(Manifests.id(object) + ": the model changes " + lost);
                    }
                    JsonNode without = given.deepCopy();
                    String parent = lost.substring(0, lost.lastIndexOf('/'));
                    ((ObjectNode) without.at(parent)).remove(lost.substring(lost.lastIndexOf('/') + 1));
                    ObjectNode reread = JSON.valueToTree(Manifests.STRICT.treeToValue(without, model));
                    reread.set("apiVersion", back.path("apiVersion"));
                    if (!reread.equals(back)) {
                        throw new AssertionError(Manifests.id(object) + ": the model drops " + lost);
                    }
                    given = without;
                }
                return typed;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(Manifests.id(object) + " does not fit " + model.getName() + ": " + e.getOriginalMessage(), e);
            }
        }
        String schema = SCHEMA.get(type);
        if (schema != null) {
            Set<ValidationMessage> errors = crdSchema(schema, object.path("apiVersion").asText().replaceAll(".*/", "")).validate(object);
            if (!errors.isEmpty()) {
                throw new AssertionError(Manifests.id(object) + " does not fit its CRD's schema: " + errors);
            }
            return object;
        }
        throw new AssertionError("No model or schema for " + type + " (" + Manifests.id(object) + "): add one to Models");
    }

    /** The first path where {@code given} has something {@code back} has not, or null. */
    private static String lost(JsonNode given, JsonNode back, String path) {
        if (given.isObject()) {
            if (!back.isObject()) {
                return path;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String lost = lost(field.getValue(), back.path(field.getKey()), path + "/" + field.getKey());
                if (lost != null) {
                    return lost;
                }
            }
            return null;
        }
        if (given.isArray()) {
            if (!back.isArray() || back.size() != given.size()) {
                return path;
            }
            for (int i = 0; i < given.size(); i++) {
                String lost = lost(given.get(i), back.get(i), path + "/" + i);
                if (lost != null) {
                    return lost;
                }
            }
            return null;
        }
        if (given.isNumber() && back.isNumber()) {
            return given.decimalValue().compareTo(back.decimalValue()) == 0 ? null : path;
        }
        if (given.isNull()) {
            return back.isMissingNode() || back.isNull() ? null : path;
        }
        // Quantities and IntOrString come back as text or number: same text, same value.
        return given.asText().equals(back.asText()) && given.isValueNode() == back.isValueNode() ? null : path;
    }

    /** A CRD version's schema as JSON Schema, with unknown fields refused where the API server would prune them. */
    static JsonSchema crdSchema(String resource, String version) {
        JsonNode crd = Manifests.documents(Manifests.read(resourcePath(resource))).get(0);
        JsonNode schema = null;
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("name").asText().equals(version)) {
                schema = v.path("schema").path("openAPIV3Schema").deepCopy();
            }
        }
        if (schema == null) {
            throw new AssertionError(resource + " has no version " + version);
        }
        closeObjects(schema, true);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    }

    static Path resourcePath(String resource) {
        try {
            return Path.of(Models.class.getClassLoader().getResource(resource).toURI());
        } catch (Exception e) {
            throw new AssertionError("No test resource " + resource, e);
        }
    }

    private static void closeObjects(JsonNode node, boolean root) {
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        if (object.has("properties") && !object.has("additionalProperties") && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            // metadata is the API server's, not the CRD's, to check.
            if (root) {
                ((ObjectNode) object.get("properties")).set("metadata", JsonNodeFactory.instance.objectNode().put("type", "object"));
                ((ObjectNode) object.get("properties")).set("apiVersion", JsonNodeFactory.instance.objectNode().put("type", "string"));
                ((ObjectNode) object.get("properties")).set("kind", JsonNodeFactory.instance.objectNode().put("type", "string"));
            }
            object.put("additionalProperties", false);
        }
        object.fields().forEachRemaining(field -> {
            if (field.getValue().isObject()) {
                closeObjects(field.getValue(), false);
            } else if (field.getValue().isArray()) {
                field.getValue().forEach(item -> closeObjects(item, false));
            }
        });
    }

    static List<String> kinds() {
        return TYPED.keySet().stream().sorted().collect(Collectors.toList());
    }
}
