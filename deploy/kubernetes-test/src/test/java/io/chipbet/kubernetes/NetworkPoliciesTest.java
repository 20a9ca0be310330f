package io.chipbet.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * prod's NetworkPolicies, evaluated as Kubernetes does (a pod selected by no policy of a direction is open in it;
 * otherwise a flow needs a rule on both ends), over a model of the namespace's pods and their neighbours.
 * The flows allowed must be exactly the needed ones. Strimzi's own policy for the listener (from networkPolicyPeers)
 * and for its internal ports is part of the model, as Strimzi writes it.
 */
class NetworkPoliciesTest {

    private static final String NS = "chipbet";
    private static final List<String> SERVICES = Manifests.SERVICES;

    record Endpoint(String name, String namespace, Map<String, String> labels, Map<String, String> ports, boolean external) {
    }

    private final List<JsonNode> objects = Manifests.rendered("prod");
    private final List<JsonNode> policies = new ArrayList<>(Manifests.ofKind(objects, "NetworkPolicy"));
    private final List<Endpoint> endpoints = new ArrayList<>();

    @Test
    void exactlyTheNeededFlows() {
        for (String service : SERVICES) {
            JsonNode template = Manifests.one(objects, "Deployment", service).path("spec").path("template");
            Map<String, String> labels = new HashMap<>();
            template.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            Map<String, String> ports = new HashMap<>();
            template.path("spec").path("containers").get(0).path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asText() + "/TCP"));
            endpoints.add(new Endpoint(service, NS, labels, ports, false));
        }
        pod("broker", NS, Map.of("strimzi.io/cluster", "chipbet", "strimzi.io/broker-role", "true", "strimzi.io/kind", "Kafka"), "9091/TCP", "9093/TCP");
        pod("controller", NS, Map.of("strimzi.io/cluster", "chipbet", "strimzi.io/controller-role", "true", "strimzi.io/kind", "Kafka"), "9090/TCP");
        pod("entity-operator", NS, Map.of("strimzi.io/cluster", "chipbet", "strimzi.io/name", "chipbet-entity-operator"));
        pod("postgres-1", NS, Map.of("cnpg.io/cluster", "chipbet-postgres"), "5432/TCP", "8000/TCP");
        pod("postgres-2", NS, Map.of("cnpg.io/cluster", "chipbet-postgres"), "5432/TCP", "8000/TCP");
        pod("kcat-subscriber", NS, Map.of("chipbet.io/kafka-client", "true", "app", "kcat"));
        pod("stranger", NS, Map.of("app", "stranger"));
        pod("ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), "53/UDP", "53/TCP");
        pod("cnpg-operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"));
        pod("strimzi-operator", "strimzi", Map.of("strimzi.io/kind", "cluster-operator"));
        pod("stranger-elsewhere", "other", Map.of("app", "stranger"));
        endpoints.add(new Endpoint("api-server", null, Map.of(), Map.of("https", "443/TCP", "https-alt", "6443/TCP"), true));
        endpoints.add(new Endpoint("internet", null, Map.of(), Map.of("https", "443/TCP"), true));
        policies.addAll(strimziPolicies());

        Set<String> allowed = new TreeSet<>();
        for (Endpoint from : endpoints) {
            for (Endpoint to : endpoints) {
                if (from == to || from.external || !(NS.equals(from.namespace) || NS.equals(to.namespace))) {
                    continue;
                }
                for (String port : to.ports.values()) {
                    if (allows(from, to, port)) {
                        allowed.add(from.name + " -> " + to.name + ":" + port);
                    }
                }
            }
        }
        assertEquals(String.join("\n", needed()), String.join("\n", allowed));
    }

    private Set<String> needed() {
        Set<String> flows = new TreeSet<>();
        endpoints.stream().filter(e -> NS.equals(e.namespace)).forEach(e -> {
            flows.add(e.name + " -> kube-dns:53/UDP");
            flows.add(e.name + " -> kube-dns:53/TCP");
        });
        for (String service : SERVICES) {
            String http = endpoints.stream().filter(e -> e.name.equals(service)).findFirst().orElseThrow().ports.get("http");
            flows.add("ingress-controller -> " + service + ":" + http);
            flows.add("prometheus -> " + service + ":" + http);
            flows.add(service + " -> broker:9093/TCP");
            flows.add(service + " -> postgres-1:5432/TCP");
            flows.add(service + " -> postgres-2:5432/TCP");
        }
        flows.add("kcat-subscriber -> broker:9093/TCP");
        // Lease and FeasibilityScenarios; the API server's address is the cluster's, so 443/6443 anywhere.
        api(flows, "projection-service");
        // Kafka's own: quorum, replication, the entity operator; Strimzi's operator reaches both.
        for (String from : List.of("broker", "controller", "entity-operator", "strimzi-operator")) {
            flows.add(from + " -> broker:9091/TCP");
            flows.add(from + " -> controller:9090/TCP");
        }
        flows.remove("broker -> broker:9091/TCP");
        flows.remove("controller -> controller:9090/TCP");
        api(flows, "entity-operator");
        // PostgreSQL's own: replication and the instance manager between instances, the operator's status calls.
        flows.add("postgres-1 -> postgres-2:5432/TCP");
        flows.add("postgres-1 -> postgres-2:8000/TCP");
        flows.add("postgres-2 -> postgres-1:5432/TCP");
        flows.add("postgres-2 -> postgres-1:8000/TCP");
        flows.add("cnpg-operator -> postgres-1:8000/TCP");
        flows.add("cnpg-operator -> postgres-2:8000/TCP");
        api(flows, "postgres-1");
        api(flows, "postgres-2");
        return flows;
    }

    private static void api(Set<String> flows, String from) {
        flows.add(from + " -> api-server:443/TCP");
        flows.add(from + " -> api-server:6443/TCP");
        flows.add(from + " -> internet:443/TCP");
    }

    private void pod(String name, String namespace, Map<String, String> labels, String... ports) {
        Map<String, String> named = new HashMap<>();
        for (String port : ports) {
            named.put(port, port);
        }
        endpoints.add(new Endpoint(name, namespace, labels, named, false));
    }

    private boolean allows(Endpoint from, Endpoint to, String port) {
        return direction(from, "Egress", to, port, from) && direction(to, "Ingress", from, port, to);
    }

    /** Whether {@code subject}'s policies of this direction let the flow through (no such policy: open). */
    private boolean direction(Endpoint subject, String type, Endpoint peer, String port, Endpoint owner) {
        if (subject.external) {
            return true;
        }
        boolean selected = false;
        for (JsonNode policy : policies) {
            String namespace = policy.path("metadata").path("namespace").asText(NS);
            if (!namespace.equals(subject.namespace) || !selects(policy.path("spec").path("podSelector"), subject.labels)
                    || !types(policy).contains(type)) {
                continue;
            }
            selected = true;
            for (JsonNode rule : policy.path("spec").path(type.equals("Ingress") ? "ingress" : "egress")) {
                JsonNode peers = rule.path(type.equals("Ingress") ? "from" : "to");
                boolean peerMatches = peers.isMissingNode() || peers.isEmpty();
                for (JsonNode p : peers) {
                    peerMatches |= peer(p, namespace, peer);
                }
                boolean portMatches = rule.path("ports").isMissingNode() || rule.path("ports").isEmpty();
                Endpoint destination = type.equals("Ingress") ? owner : peer;
                for (JsonNode p : rule.path("ports")) {
                    String protocol = p.path("protocol").asText("TCP");
                    String number = p.path("port").isInt() ? p.path("port").asText() : numberOf(destination, p.path("port").asText());
                    portMatches |= (number + "/" + protocol).equals(port);
                }
                if (peerMatches && portMatches) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static String numberOf(Endpoint endpoint, String name) {
        String port = endpoint.ports.get(name);
        return port == null ? "none" : port.substring(0, port.indexOf('/'));
    }

    private static boolean peer(JsonNode peer, String policyNamespace, Endpoint endpoint) {
        if (peer.has("ipBlock")) {
            // 0.0.0.0/0 takes in every address, pods' too.
            return peer.path("ipBlock").path("cidr").asText().equals("0.0.0.0/0");
        }
        if (endpoint.external) {
            return false;
        }
        boolean namespaceOk = peer.has("namespaceSelector")
                ? selects(peer.path("namespaceSelector"), Map.of("kubernetes.io/metadata.name", endpoint.namespace))
                : policyNamespace.equals(endpoint.namespace);
        boolean podOk = !peer.has("podSelector") || selects(peer.path("podSelector"), endpoint.labels);
        return namespaceOk && podOk;
    }

    private static Set<String> types(JsonNode policy) {
        Set<String> types = new TreeSet<>();
        policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
        return types;
    }

    static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (var it = selector.path("matchLabels").fields(); it.hasNext(); ) {
            var entry = it.next();
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            Set<String> values = new TreeSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            String value = labels.get(expression.path("key").asText());
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("operator " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** What Strimzi writes for the Kafka named chipbet: the listener open to its networkPolicyPeers, 9090/9091 to its own pods and operator. */
    private List<JsonNode> strimziPolicies() {
        JsonNode kafka = Manifests.one(objects, "Kafka", "chipbet");
        var yaml = new StringBuilder("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: chipbet-network-policy-kafka}
                spec:
                  podSelector: {matchLabels: {strimzi.io/cluster: chipbet, strimzi.io/kind: Kafka}}
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - podSelector: {matchLabels: {strimzi.io/cluster: chipbet}}
                        - namespaceSelector: {}
                          podSelector: {matchLabels: {strimzi.io/kind: cluster-operator}}
                      ports: [{port: 9090}, {port: 9091}]
                """);
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            yaml.append("    - ports: [{port: ").append(listener.path("port").asInt()).append("}]\n");
            yaml.append("      from: ").append(listener.path("networkPolicyPeers").toString()).append("\n");
        }
        return Manifests.documents(yaml.toString());
    }
}
