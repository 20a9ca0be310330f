package io.chipbet.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rendered prod overlay against a real API server: accepted, validated, defaulted, and its RBAC exactly as meant. */
@Tag("kube-apiserver")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubeApiServerIT {

    private static final String NS = "chipbet";
    private static final String PROJECTION = "system:serviceaccount:chipbet:projection-service";

    @TempDir
    static Path directory;
    static KubeApiServer server;
    static KubernetesClient admin;
    static List<JsonNode> prod;

    @BeforeAll
    static void start() throws Exception {
        long started = System.nanoTime();
        server = new KubeApiServer(directory);
        System.out.printf("kube-apiserver and etcd ready in %.1f s (including the binary's cache check)%n", (System.nanoTime() - started) / 1e9);
        admin = server.client();
        prod = Manifests.rendered("prod");
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void everyProdObjectIsAccepted() {
        // The operators' CRDs: CloudNativePG's with their schemas; Strimzi's as its api jar defines them.
        // Applied as they are written (a typed round trip would lose their schemas' empty-string defaults).
        List<String> crds = new ArrayList<>();
        // 1.20 refuses a string schema's empty default ("" reads as null there); CloudNativePG has some on
        // optional names. Only those lines go; every other rule stays.
        for (String file : Models.SCHEMA.values()) {
            crds.add(Manifests.read(Models.resourcePath(file)).replaceAll("(?m)^\\s*default: \"\"\\s*$\\n", ""));
        }
        for (CustomResourceDefinition crd : List.of(io.strimzi.api.kafka.Crds.kafka(), io.strimzi.api.kafka.Crds.kafkaNodePool(),
                io.strimzi.api.kafka.Crds.kafkaTopic(), io.strimzi.api.kafka.Crds.kafkaUser())) {
            crds.add(Serialization.asYaml(crd));
        }
        for (JsonNode object : prod) {
            if (Manifests.kind(object).equals("CustomResourceDefinition")) {
                crds.add(object.toString());
            }
        }
        List<String> names = new ArrayList<>();
        for (String crd : crds) {
            GenericKubernetesResource resource = Serialization.unmarshal(crd, GenericKubernetesResource.class);
            admin.resource(resource).create();
            names.add(resource.getMetadata().getName());
        }
        for (String name : names) {
            KubeApiServer.awaitEstablished(admin, name);
        }
        for (JsonNode object : prod) {
            if (Manifests.kind(object).equals("CustomResourceDefinition")) {
                continue;
            }
            JsonNode applied = forApiServer120(object);
            GenericKubernetesResource resource = Serialization.unmarshal(applied.toString(), GenericKubernetesResource.class);
            try {
                if (Manifests.kind(object).equals("Namespace")) {
                    admin.resource(resource).create();
                } else {
                    admin.resource(resource).inNamespace(NS).create();
                }
            } catch (KubernetesClientException e) {
                throw new AssertionError("The API server refuses " + Manifests.id(object) + ": " + e.getMessage(), e);
            }
        }
        // Stored and defaulted as written.
        var deployment = admin.apps().deployments().inNamespace(NS).withName("projection-service").get();
        assertEquals(45L, deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds());
        assertEquals("RollingUpdate", deployment.getSpec().getStrategy().getType(), "defaulted by the server");
        assertTrue(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(6, admin.genericKubernetesResources("kafka.strimzi.io/v1", "KafkaTopic").inNamespace(NS).list().getItems().size());
        assertEquals(4, admin.genericKubernetesResources("postgresql.cnpg.io/v1", "Database").inNamespace(NS).list().getItems().size());
    }

    @Test
    @Order(2)
    void theServerValidatesWhatItStores() {
        JsonNode deployment = Manifests.one(prod, "Deployment", "fab-service");
        ObjectNode wrongType = deployment.deepCopy();
        ((ObjectNode) wrongType.path("metadata")).put("name", "fab-service-broken");
        ((ObjectNode) wrongType.path("spec")).put("replicas", "two");
        assertThrows(KubernetesClientException.class, () -> admin.resource(Serialization.unmarshal(wrongType.toString(),
                GenericKubernetesResource.class)).inNamespace(NS).create());
        // CloudNativePG's schema: instances is an integer.
        ObjectNode cluster = Manifests.one(prod, "Cluster", "chipbet-postgres").deepCopy();
        ((ObjectNode) cluster.path("metadata")).put("name", "broken");
        ((ObjectNode) cluster.path("spec")).put("instances", "three");
        KubernetesClientException refused = assertThrows(KubernetesClientException.class, () -> admin.resource(
                Serialization.unmarshal(cluster.toString(), GenericKubernetesResource.class)).inNamespace(NS).create());
        assertEquals(422, refused.getCode());
    }

    @Test
    @Order(3)
    void aFeasibilityScenarioFitsItsSchemaAndItsStatusIsPatchedAsTheOperatorWill() {
        String scenario = """
                apiVersion: chipbet.io/v1alpha1
                kind: FeasibilityScenario
                metadata: {name: intel-ohio-slips}
                spec:
                  name: Intel Ohio slips two more years
                  overrides: {samples: 2000, conversion: {PLEDGED: {p10: 0.2, p50: 0.5, p90: 0.8}}, plan: {key: scaled-down, horizon: 2031-12-31}}
                  changes:
                    - {kind: DELAY_FAB, fabId: 6f1c2d4e-0000-4000-8000-000000000001, months: 24}
                    - {kind: ADD_COMMITMENT, amountUsd: 100000000000, status: PLEDGED, purpose: FABS, investorName: A fund, investorKind: SOVEREIGN_FUND, investorCountry: AE}
                """;
        var created = admin.resource(Serialization.unmarshal(scenario, GenericKubernetesResource.class)).inNamespace(NS).create();
        // The structural schema keeps every field (nothing pruned).
        Map<String, Object> change = ((List<Map<String, Object>>) ((Map<String, Object>) created.getAdditionalProperties().get("spec")).get("changes")).get(1);
        assertEquals("A fund", change.get("investorName"));

        var bad = Serialization.unmarshal(scenario.replace("months: 24", "months: two years"), GenericKubernetesResource.class);
        bad.getMetadata().setName("bad");
        assertEquals(422, assertThrows(KubernetesClientException.class, () -> admin.resource(bad).inNamespace(NS).create()).getCode());

        try (KubernetesClient projection = server.client(PROJECTION)) {
            var scenarios = projection.genericKubernetesResources("chipbet.io/v1alpha1", "FeasibilityScenario").inNamespace(NS);
            assertEquals(1, scenarios.list().getItems().size());
            var patched = scenarios.withName("intel-ohio-slips").subresource("status").patch(
                    io.fabric8.kubernetes.client.dsl.base.PatchContext.of(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                    """
                    {"status": {"probability": 0.004, "deliverableP50Wpm": 123456.0, "bindingConstraint": "capacity", "observedGeneration": 1,
                      "conditions": [{"type": "Ready", "status": "True", "reason": "Evaluated", "message": "evaluated at result version 1", "lastTransitionTime": "2026-01-01T00:00:00Z"}]}}
                    """);
            assertEquals("capacity", ((Map<?, ?>) patched.getAdditionalProperties().get("status")).get("bindingConstraint"));
            // It may not touch the spec, nor anything but these resources.
            KubernetesClientException forbidden = assertThrows(KubernetesClientException.class, () -> scenarios.withName("intel-ohio-slips")
                    .edit(r -> {
                        ((Map<String, Object>) r.getAdditionalProperties().get("spec")).put("name", "renamed");
                        return r;
                    }));
            assertEquals(403, forbidden.getCode());
            assertEquals(403, assertThrows(KubernetesClientException.class,
                    () -> projection.secrets().inNamespace(NS).list()).getCode());
        }
    }

    @Test
    @Order(4)
    void projectionServiceMayDoWhatItNeedsAndNothingMore() throws Exception {
        for (String[] allowed : List.of(
                new String[]{"get", "feasibilityscenarios.chipbet.io"}, new String[]{"list", "feasibilityscenarios.chipbet.io"},
                new String[]{"watch", "feasibilityscenarios.chipbet.io"},
                new String[]{"patch", "feasibilityscenarios.chipbet.io", "--subresource=status"},
                new String[]{"create", "leases.coordination.k8s.io"},
                new String[]{"get", "leases.coordination.k8s.io/projection-service-leader"},
                new String[]{"update", "leases.coordination.k8s.io/projection-service-leader"},
                new String[]{"patch", "leases.coordination.k8s.io/projection-service-leader"})) {
            assertTrue(server.canI(PROJECTION, NS, allowed), "projection-service must be able to " + String.join(" ", allowed));
        }
        for (String[] denied : List.of(
                new String[]{"create", "feasibilityscenarios.chipbet.io"}, new String[]{"update", "feasibilityscenarios.chipbet.io"},
                new String[]{"patch", "feasibilityscenarios.chipbet.io"}, new String[]{"delete", "feasibilityscenarios.chipbet.io"},
                new String[]{"update", "feasibilityscenarios.chipbet.io", "--subresource=status"},
                new String[]{"update", "leases.coordination.k8s.io/someone-elses"}, new String[]{"delete", "leases.coordination.k8s.io/projection-service-leader"},
                new String[]{"list", "leases.coordination.k8s.io"},
                new String[]{"get", "secrets"}, new String[]{"list", "pods"}, new String[]{"get", "configmaps"}, new String[]{"create", "events"})) {
            assertFalse(server.canI(PROJECTION, NS, denied), "projection-service must not be able to " + String.join(" ", denied));
        }
        // Namespaced: nothing elsewhere; and the producers' accounts have no rights at all.
        assertFalse(server.canI(PROJECTION, "default", "get", "feasibilityscenarios.chipbet.io"));
        for (String producer : List.of("funding-service", "fab-service", "talent-service")) {
            assertFalse(server.canI("system:serviceaccount:chipbet:" + producer, NS, "get", "feasibilityscenarios.chipbet.io"));
            assertFalse(server.canI("system:serviceaccount:chipbet:" + producer, NS, "create", "leases.coordination.k8s.io"));
        }
    }

    /** 1.20 serves autoscaling/v2 and policy/v1 as v2beta2 and v1beta1, with the same fields for what we use. */
    private static JsonNode forApiServer120(JsonNode object) {
        ObjectNode copy = object.deepCopy();
        String type = Models.type(object);
        if (type.equals("autoscaling/v2/HorizontalPodAutoscaler")) {
            copy.put("apiVersion", "autoscaling/v2beta2");
        } else if (type.equals("policy/v1/PodDisruptionBudget")) {
            copy.put("apiVersion", "policy/v1beta1");
        }
        return copy;
    }
}
