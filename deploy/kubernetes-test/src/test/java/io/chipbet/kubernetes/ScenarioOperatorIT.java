package io.chipbet.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.infra.LocalInfrastructure;
import io.chipbet.infra.process.Ports;
import io.chipbet.infra.security.LocalKeys;
import io.chipbet.infra.security.Tokens;
import io.chipbet.infra.services.LocalServices;
import io.chipbet.infra.services.ServiceProcess;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FeasibilityScenario operator, for real: projection-service (its built jar, the operator enabled as the Kubernetes
 * profile enables it) against a real kube-apiserver with the prod overlay's CRD, service account, Role and RoleBinding
 * (the process acts as that service account, so RBAC is the Role's), and a real Kafka and PostgreSQL, with fab-service
 * beside it for a fact. A created resource gets its answer as status, a spec edit updates it, an invalid spec gets an
 * Invalid condition with its reason, and a fact ingested from Kafka moves the status.
 */
@Tag("kube-apiserver")
class ScenarioOperatorIT {

    private static final String NS = "chipbet";
    private static final String PROJECTION = "system:serviceaccount:chipbet:projection-service";
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path directory;

    @Test
    void aScenarioResourceGetsItsAnswerAsStatusAndFollowsItsSpecAndTheRecord() throws Exception {
        List<ServiceProcess> started = new CopyOnWriteArrayList<>();
        try (KubeApiServer server = new KubeApiServer(Files.createDirectories(directory.resolve("kube")));
             KubernetesClient admin = server.client();
             LocalInfrastructure infrastructure = LocalInfrastructure.forTests(directory.resolve("infra")).start()) {
            applyWhatProjectionServiceNeeds(admin);

            LocalKeys keys = LocalKeys.in(directory.resolve("keys"));
            ServiceProcess fab = new ServiceProcess("fab-service", Ports.freeLoopbackPort(), Manifests.ROOT);
            fab.start(LocalServices.environment(infrastructure, keys, "fab-service", fab.port()), directory.resolve("logs"));
            started.add(fab);
            ServiceProcess projection = new ServiceProcess("projection-service", Ports.freeLoopbackPort(), Manifests.ROOT);
            Map<String, String> environment = new HashMap<>(LocalServices.environment(infrastructure, keys, "projection-service",
                    projection.port()));
            environment.put("CHIPBET_PROJECTION_KUBERNETES_OPERATOR_ENABLED", "true");
            // As in a pod: the account's credentials and namespace, nothing else (no namespace configured).
            environment.put("KUBECONFIG", server.kubeconfig(PROJECTION, NS).toString());
            projection.start(environment, directory.resolve("logs"));
            started.add(projection);
            fab.awaitReady(LocalServices.READY_TIMEOUT);
            projection.awaitReady(LocalServices.READY_TIMEOUT);

            var scenarios = admin.genericKubernetesResources("chipbet.io/v1alpha1", "FeasibilityScenario").inNamespace(NS);

            // Created: evaluated, Ready, for generation 1.
            create(scenarios, """
                    apiVersion: chipbet.io/v1alpha1
                    kind: FeasibilityScenario
                    metadata: {name: as-pitched}
                    spec: {name: As pitched, overrides: {samples: 2000}}
                    """);
            Map<String, Object> first = awaitStatus(scenarios.withName("as-pitched"), projection,
                    status -> condition(status, "Ready", "True") && Long.valueOf(1).equals(number(status, "observedGeneration")));
            assertTrue(condition(first, "Invalid", "False"), first::toString);
            assertTrue(first.get("probability") instanceof Number && first.get("bindingConstraint") != null, first::toString);
            double before = ((Number) first.get("deliverableP50Wpm")).doubleValue();

            // Listed by the REST API with its source, and read-only there.
            String base = projection.baseUrl() + "/api/v1/scenarios";
            JsonNode listed = null;
            for (JsonNode item : JSON.readTree(get(base + "?size=100")).path("items")) {
                if (item.path("source").path("name").asText().equals("as-pitched")) {
                    listed = item;
                }
            }
            assertTrue(listed != null && listed.path("source").path("kind").asText().equals("kubernetes")
                    && listed.path("source").path("namespace").asText().equals(NS), String.valueOf(listed));
            String uid = scenarios.withName("as-pitched").get().getMetadata().getUid();
            assertEquals(uid, listed.path("id").asText(), "stored under the resource's uid");
            String editor = new Tokens(keys).editor();
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/" + uid)).header("Authorization", "Bearer " + editor)
                    .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"Renamed here\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(409, put.statusCode(), put.body());
            assertTrue(put.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), put.headers()::toString);

            // A spec edit: a hypothetical 2-million-wpm fab in production from 2027 raises the deliverable P50.
            scenarios.withName("as-pitched").edit(resource -> {
                ((Map<String, Object>) resource.getAdditionalProperties().get("spec")).put("changes", List.of(Map.of("kind", "ADD_FAB",
                        "name", "Hypothetical mega-fab", "operator", "TSMC", "region", "TW", "nodeClass", "LEADING_EDGE",
                        "capacityWpm", 2_000_000, "productionDate", "2027-01-01")));
                return resource;
            });
            Map<String, Object> edited = awaitStatus(scenarios.withName("as-pitched"), projection,
                    status -> Long.valueOf(2).equals(number(status, "observedGeneration")) && condition(status, "Ready", "True"));
            double withFab = ((Number) edited.get("deliverableP50Wpm")).doubleValue();
            assertTrue(withFab > before, "the hypothetical fab raises the deliverable P50: " + before + " -> " + withFab);

            // An invalid spec: the reason POST would give, and no scenario for it.
            create(scenarios, """
                    apiVersion: chipbet.io/v1alpha1
                    kind: FeasibilityScenario
                    metadata: {name: unknown-plan}
                    spec: {name: A plan nobody configured, overrides: {plan: {key: no-such-plan}}}
                    """);
            Map<String, Object> invalid = awaitStatus(scenarios.withName("unknown-plan"), projection,
                    status -> condition(status, "Invalid", "True"));
            Map<String, Object> why = conditionOf(invalid, "Invalid");
            assertEquals("UnknownPlan", why.get("reason"), invalid::toString);
            assertTrue(String.valueOf(why.get("message")).contains("no-such-plan"), invalid::toString);
            assertTrue(condition(invalid, "Ready", "False"), invalid::toString);
            assertTrue(!get(base + "?size=100").contains("unknown-plan"), "an invalid resource has no scenario");

            // A fact, through fab-service and Kafka: the projection ingests it, the scenario pass re-evaluates, the status moves.
            Object resultBefore = edited.get("resultVersion");
            HttpResponse<String> announced = http.send(HttpRequest.newBuilder(URI.create(fab.baseUrl() + "/api/v1/fabs"))
                    .header("Authorization", "Bearer " + editor).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"name": "A real mega-fab", "operator": "TSMC", "country": "TW", "region": "TW", "nodeClass": "LEADING_EDGE",
                             "capacityWafersPerMonth": 2000000, "announcedOn": "2024-01-01", "originalProductionDate": "2027-06-30",
                             "sources": [{"url": "https://example.org/fab", "title": "A fab"}]}
                            """)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, announced.statusCode(), announced.body());
            Map<String, Object> moved = awaitStatus(scenarios.withName("as-pitched"), projection,
                    status -> status.get("deliverableP50Wpm") instanceof Number wpm && wpm.doubleValue() > withFab);
            assertTrue(!String.valueOf(resultBefore).equals(String.valueOf(moved.get("resultVersion"))), moved::toString);
            assertEquals(2L, number(moved, "observedGeneration"), "the spec did not change");

            // Deleted: its scenario goes from the REST API.
            scenarios.withName("as-pitched").delete();
            long deadline = System.nanoTime() + STATUS_TIMEOUT.toNanos();
            while (get(base + "/" + uid).contains("\"id\"") && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertTrue(!get(base + "/" + uid).contains("\"id\""), "the deleted resource's scenario is withdrawn");
            System.out.printf("SCENARIO OPERATOR  deliverable P50 %.0f -> %.0f (spec edit) -> %s (a fact from Kafka), resultVersion %s -> %s%n",
                    before, withFab, moved.get("deliverableP50Wpm"), resultBefore, moved.get("resultVersion"));
        } finally {
            started.forEach(service -> service.processTree().forEach(ProcessHandle::destroyForcibly));
        }
    }

    /** From the rendered prod overlay: the namespace, the CRD, projection-service's account, Role and RoleBinding. */
    private static void applyWhatProjectionServiceNeeds(KubernetesClient admin) {
        List<JsonNode> prod = Manifests.rendered("prod");
        admin.resource(generic(Manifests.one(prod, "Namespace", NS))).create();
        JsonNode crd = Manifests.ofKind(prod, "CustomResourceDefinition").get(0);
        admin.resource(generic(crd)).create();
        KubeApiServer.awaitEstablished(admin, Manifests.name(crd));
        for (String kind : List.of("ServiceAccount", "Role", "RoleBinding")) {
            admin.resource(generic(Manifests.one(prod, kind, "projection-service"))).inNamespace(NS).create();
        }
    }

    private static GenericKubernetesResource generic(JsonNode object) {
        return Serialization.unmarshal(object.toString(), GenericKubernetesResource.class);
    }

    private static void create(NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> scenarios, String yaml) {
        scenarios.resource(Serialization.unmarshal(yaml, GenericKubernetesResource.class)).create();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitStatus(Resource<GenericKubernetesResource> resource, ServiceProcess projection,
                                                   Predicate<Map<String, Object>> condition) throws Exception {
        long deadline = System.nanoTime() + STATUS_TIMEOUT.toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            GenericKubernetesResource current = resource.get();
            last = current == null ? null : (Map<String, Object>) current.getAdditionalProperties().get("status");
            if (last != null && condition.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The status never got there; last: " + last + "; see " + projection.log());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> conditionOf(Map<String, Object> status, String type) {
        return ((List<Map<String, Object>>) status.getOrDefault("conditions", List.of())).stream()
                .filter(condition -> type.equals(condition.get("type"))).findFirst().orElse(Map.of());
    }

    private static boolean condition(Map<String, Object> status, String type, String value) {
        return value.equals(conditionOf(status, type).get("status"));
    }

    private static Long number(Map<String, Object> status, String field) {
        return status.get(field) instanceof Number n ? n.longValue() : null;
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
