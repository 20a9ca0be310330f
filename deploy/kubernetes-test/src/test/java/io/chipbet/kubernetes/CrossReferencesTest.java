package io.chipbet.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names that point at other objects point at objects that exist, and fit them. */
class CrossReferencesTest {

    /** The Secrets that only the deployer can make (deploy/kubernetes/README.md, "Secrets"), by overlay. */
    static final Set<String> DEPLOYER_SECRETS = Set.of("chipbet-jwt-public-key", "chipbet-db-funding", "chipbet-db-fab",
            "chipbet-db-talent", "chipbet-db-projection");
    static final Map<String, Set<String>> DEPLOYER_SECRETS_BY_OVERLAY = Map.of("dev", DEPLOYER_SECRETS,
            "prod", union(DEPLOYER_SECRETS, Set.of("chipbet-tls")));

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesSelectTheirPodsAndPorts(String overlay) {
        List<JsonNode> objects = Manifests.rendered(overlay);
        for (JsonNode service : Manifests.ofKind(objects, "Service")) {
            List<JsonNode> selected = Manifests.ofKind(objects, "Deployment").stream()
                    .filter(d -> matches(service.path("spec").path("selector"), d.path("spec").path("template").path("metadata").path("labels")))
                    .toList();
            assertEquals(1, selected.size(), overlay + ": Service " + Manifests.name(service) + " selects " + selected.size() + " Deployments");
            JsonNode container = selected.get(0).path("spec").path("template").path("spec").path("containers").get(0);
            for (JsonNode port : service.path("spec").path("ports")) {
                JsonNode target = port.path("targetPort");
                boolean exists = false;
                for (JsonNode p : container.path("ports")) {
                    exists |= target.isInt() ? p.path("containerPort").asInt() == target.asInt() : p.path("name").asText().equals(target.asText());
                }
                assertTrue(exists, overlay + ": Service " + Manifests.name(service) + " targets port " + target + ", which its pods do not have");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void deploymentSelectorsMatchTheirOwnPods(String overlay) {
        List<JsonNode> objects = Manifests.rendered(overlay);
        for (JsonNode deployment : Manifests.ofKind(objects, "Deployment")) {
            JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
            assertTrue(matches(deployment.path("spec").path("selector").path("matchLabels"), labels), Manifests.id(deployment));
            for (JsonNode spread : deployment.path("spec").path("template").path("spec").path("topologySpreadConstraints")) {
                assertTrue(matches(spread.path("labelSelector").path("matchLabels"), labels), Manifests.id(deployment) + " spreads other pods");
            }
        }
        for (String kind : List.of("PodDisruptionBudget")) {
            for (JsonNode budget : Manifests.ofKind(objects, kind)) {
                JsonNode deployment = Manifests.one(objects, "Deployment", Manifests.name(budget));
                assertTrue(matches(budget.path("spec").path("selector").path("matchLabels"),
                        deployment.path("spec").path("template").path("metadata").path("labels")), Manifests.id(budget));
            }
        }
        for (JsonNode autoscaler : Manifests.ofKind(objects, "HorizontalPodAutoscaler")) {
            JsonNode target = autoscaler.path("spec").path("scaleTargetRef");
            JsonNode deployment = Manifests.one(objects, target.path("kind").asText(), target.path("name").asText());
            assertTrue(deployment.path("spec").path("replicas").isMissingNode(),
                    Manifests.id(deployment) + " sets replicas, which every apply would reset under its HPA");
            assertTrue(deployment.path("spec").path("template").path("spec").path("containers").get(0).path("resources").path("requests").has("cpu"),
                    Manifests.id(deployment) + " has no CPU request for its HPA to measure against");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void referencedConfigMapsAndSecretsExist(String overlay) {
        List<JsonNode> objects = Manifests.rendered(overlay);
        Set<String> configMaps = names(objects, "ConfigMap");
        Set<String> secrets = new HashSet<>(names(objects, "Secret"));
        // What the operators make: a Secret per KafkaUser, named as the user; the Kafka cluster's CA certificate;
        // CloudNativePG's CA.
        secrets.addAll(names(objects, "KafkaUser"));
        names(objects, "Kafka").forEach(kafka -> secrets.add(kafka + "-cluster-ca-cert"));
        names(objects, "Cluster").forEach(cluster -> secrets.add(cluster + "-ca"));
        secrets.addAll(DEPLOYER_SECRETS_BY_OVERLAY.get(overlay));

        Set<String> usedSecrets = new TreeSet<>();
        for (JsonNode deployment : Manifests.ofKind(objects, "Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            List<JsonNode> refs = new ArrayList<>();
            pod.findParents("configMapRef").forEach(refs::add);
            for (JsonNode container : pod.path("containers")) {
                for (JsonNode from : container.path("envFrom")) {
                    if (from.has("configMapRef")) {
                        assertTrue(configMaps.contains(from.path("configMapRef").path("name").asText()), Manifests.id(deployment) + " " + from);
                    }
                    if (from.has("secretRef")) {
                        usedSecrets.add(from.path("secretRef").path("name").asText());
                    }
                }
                for (JsonNode env : container.path("env")) {
                    JsonNode ref = env.path("valueFrom");
                    if (ref.has("configMapKeyRef")) {
                        assertTrue(configMaps.contains(ref.path("configMapKeyRef").path("name").asText()), Manifests.id(deployment) + " " + env);
                    }
                    if (ref.has("secretKeyRef")) {
                        usedSecrets.add(ref.path("secretKeyRef").path("name").asText());
                    }
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("secret")) {
                    usedSecrets.add(volume.path("secret").path("secretName").asText());
                }
                if (volume.has("configMap")) {
                    assertTrue(configMaps.contains(volume.path("configMap").path("name").asText()), Manifests.id(deployment) + " " + volume);
                }
            }
            String account = pod.path("serviceAccountName").asText();
            assertTrue(names(objects, "ServiceAccount").contains(account), Manifests.id(deployment) + " runs as a missing account " + account);
        }
        for (JsonNode ingress : Manifests.ofKind(objects, "Ingress")) {
            ingress.path("spec").path("tls").forEach(tls -> usedSecrets.add(tls.path("secretName").asText()));
        }
        for (JsonNode cluster : Manifests.ofKind(objects, "Cluster")) {
            cluster.findValues("passwordSecret").forEach(ref -> usedSecrets.add(ref.path("name").asText()));
            usedSecrets.add(cluster.path("spec").path("bootstrap").path("initdb").path("secret").path("name").asText());
        }
        Set<String> missing = new TreeSet<>(usedSecrets);
        missing.removeAll(secrets);
        assertEquals(Set.of(), missing, overlay + ": Secrets referenced that nothing makes");
        // Every Secret the deployer must make is used (the README's list is not stale) and named in the README.
        Set<String> unused = new TreeSet<>(DEPLOYER_SECRETS_BY_OVERLAY.get(overlay));
        unused.removeAll(usedSecrets);
        assertEquals(Set.of(), unused, overlay + ": deployer Secrets that nothing uses");
        String readme = Manifests.read(Manifests.KUBERNETES.resolve("README.md"));
        DEPLOYER_SECRETS_BY_OVERLAY.get(overlay).forEach(secret -> assertTrue(readme.contains(secret), "README.md does not say how to make " + secret));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rbacNamesExist(String overlay) {
        List<JsonNode> objects = Manifests.rendered(overlay);
        for (JsonNode binding : Manifests.ofKind(objects, "RoleBinding")) {
            Manifests.one(objects, binding.path("roleRef").path("kind").asText(), binding.path("roleRef").path("name").asText());
            binding.path("subjects").forEach(subject -> Manifests.one(objects, subject.path("kind").asText(), subject.path("name").asText()));
        }
    }

    /** Probes use each service's own port and SmallRye Health's paths (the image smoke test GETs them for real). */
    @ParameterizedTest
    @MethodSource("overlays")
    void probesAndPortsAreTheServices(String overlay) {
        List<JsonNode> objects = Manifests.rendered(overlay);
        Map<String, String> paths = Map.of("livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready", "startupProbe", "/q/health/started");
        for (String service : Manifests.SERVICES) {
            JsonNode container = Manifests.one(objects, "Deployment", service).path("spec").path("template").path("spec").path("containers").get(0);
            int port = Integer.parseInt(property(service, "quarkus.http.port"));
            assertEquals(port, container.path("ports").get(0).path("containerPort").asInt(), service);
            paths.forEach((probe, path) -> {
                assertEquals(path, container.path(probe).path("httpGet").path("path").asText(), service + " " + probe);
                assertEquals(port, container.path(probe).path("httpGet").path("port").asInt(), service + " " + probe);
            });
            JsonNode security = container.path("securityContext");
            assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), service);
            assertEquals("[\"ALL\"]", security.path("capabilities").path("drop").toString(), service);
            assertTrue(container.path("volumeMounts").findValuesAsText("mountPath").contains("/tmp"), service + " has no writable /tmp");
            JsonNode pod = Manifests.one(objects, "Deployment", service).path("spec").path("template").path("spec");
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), service);
            assertEquals(ImageUser.UID, pod.path("securityContext").path("runAsUser").asInt(), service + " runs as another uid than its image's user");
            assertTrue(pod.path("terminationGracePeriodSeconds").asInt() > 10 + 20 + 2, service + ": the grace period must outlast preStop and shutdown");
        }
    }

    /** Each Ingress path goes to the service whose JAX-RS resources serve it. */
    @ParameterizedTest
    @MethodSource("overlays")
    void ingressPathsReachTheirOwners(String overlay) {
        List<JsonNode> objects = Manifests.rendered(overlay);
        Map<String, Set<String>> owned = new HashMap<>();
        Manifests.SERVICES.forEach(service -> owned.put(service, resourcePaths(service)));
        for (JsonNode ingress : Manifests.ofKind(objects, "Ingress")) {
            for (JsonNode path : ingress.findValues("paths").get(0)) {
                String service = path.path("backend").path("service").path("name").asText();
                JsonNode backend = Manifests.one(objects, "Service", service);
                assertTrue(backend.path("spec").path("ports").findValuesAsText("name").contains(path.path("backend").path("service").path("port").path("name").asText()));
                String prefix = path.path("path").asText();
                if (!prefix.equals("/")) {
                    assertTrue(owned.get(service).stream().anyMatch(p -> p.equals(prefix) || p.startsWith(prefix + "/")),
                            overlay + ": " + prefix + " goes to " + service + ", which serves " + owned.get(service));
                }
            }
        }
    }

    static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (var it = selector.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (!labels.path(entry.getKey()).asText().equals(entry.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    static Set<String> names(List<JsonNode> objects, String kind) {
        Set<String> names = new HashSet<>();
        Manifests.ofKind(objects, kind).forEach(o -> names.add(Manifests.name(o)));
        return names;
    }

    static String property(String service, String key) {
        for (String line : Manifests.read(Manifests.ROOT.resolve(service).resolve("src/main/resources/application.properties")).split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        throw new AssertionError(service + " has no " + key);
    }

    /** The paths of a service's JAX-RS resources: class-level @Path joined with method-level @Path. */
    static Set<String> resourcePaths(String service) {
        Pattern path = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
        Set<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Manifests.ROOT.resolve(service).resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher matcher = path.matcher(source);
                String base = null;
                while (matcher.find()) {
                    if (base == null) {
                        base = matcher.group(1);
                        paths.add(base);
                    } else {
                        paths.add(base + (matcher.group(1).startsWith("/") ? "" : "/") + matcher.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
