package io.chipbet.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is committed under deploy/kubernetes equals what the build makes: each service's generated manifests, the
 * CRD generated from FeasibilityScenario's Java types, and the rendered prod overlay that reviewers read.
 * After a deliberate change: ./mvnw -pl deploy/kubernetes-test -am verify -Dchipbet.kubernetes.update=true
 */
class CommittedFilesTest {

    static List<String> services() {
        return Manifests.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void baseHoldsWhatQuarkusGenerates(String service) {
        Path built = Manifests.ROOT.resolve(service).resolve("target/kubernetes/kubernetes.yml");
        Path committed = Manifests.KUBERNETES.resolve("base/generated").resolve(service + ".yml");
        assertTrue(Files.exists(built), built + " is missing: build the services first (./mvnw package)");
        if (Manifests.UPDATE) {
            Manifests.write(committed, Manifests.read(built));
        }
        assertTrue(Files.exists(committed), committed + " is missing; run with -Dchipbet.kubernetes.update=true");
        // The generator orders env vars and labels by how it iterates the configuration, which varies with the
        // build's environment: compared as objects (keys unordered) with each env list ordered by name.
        assertEquals(canonical(Manifests.read(built)), canonical(Manifests.read(committed)),
                committed + " differs from what the build generates (" + built + "); run with -Dchipbet.kubernetes.update=true and review the diff");
    }

    @Test
    void envOrderIsIgnoredButAnEnvValueIsNot() {
        String committed = "spec:\n  env:\n    - name: A\n      value: \"1\"\n    - name: B\n      value: \"2\"\n";
        String reordered = "spec:\n  env:\n    - name: B\n      value: \"2\"\n    - name: A\n      value: \"1\"\n";
        String changed = "spec:\n  env:\n    - name: B\n      value: \"3\"\n    - name: A\n      value: \"1\"\n";
        assertEquals(canonical(committed), canonical(reordered));
        assertNotEquals(canonical(committed), canonical(changed));
    }

    /** Each document as a tree, every {@code env} list sorted by name: nothing in these manifests refers to an earlier env var. */
    private static List<JsonNode> canonical(String yaml) {
        List<JsonNode> documents = Manifests.documents(yaml);
        documents.forEach(CommittedFilesTest::sortEnv);
        return documents;
    }

    private static void sortEnv(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("env") instanceof ArrayNode env) {
                List<JsonNode> entries = new ArrayList<>();
                env.forEach(entries::add);
                entries.sort(Comparator.comparing(entry -> entry.path("name").asText()));
                env.removeAll();
                env.addAll(entries);
            }
            object.forEach(CommittedFilesTest::sortEnv);
        } else if (node instanceof ArrayNode array) {
            array.forEach(CommittedFilesTest::sortEnv);
        }
    }

    @Test
    void baseHoldsTheGeneratedScenarioCrd() {
        same(Manifests.ROOT.resolve("projection-service/target/classes/META-INF/fabric8/feasibilityscenarios.chipbet.io-v1.yml"),
                Manifests.KUBERNETES.resolve("base/crds/feasibilityscenarios.chipbet.io-v1.yml"));
    }

    @Test
    void renderedProdIsCurrent() {
        Path committed = Manifests.KUBERNETES.resolve("rendered/prod.yaml");
        String header = "# kubectl kustomize deploy/kubernetes/overlays/prod, committed for review; CommittedFilesTest fails when stale.\n";
        String rendered = header + Manifests.render("prod");
        if (Manifests.UPDATE) {
            Manifests.write(committed, rendered);
        }
        assertTrue(Files.exists(committed), committed + " is missing; run with -Dchipbet.kubernetes.update=true");
        assertEquals(rendered, Manifests.read(committed), committed + " is stale; run with -Dchipbet.kubernetes.update=true and review the diff");
    }

    private static void same(Path built, Path committed) {
        assertTrue(Files.exists(built), built + " is missing: build the services first (./mvnw package)");
        if (Manifests.UPDATE) {
            Manifests.write(committed, Manifests.read(built));
        }
        assertTrue(Files.exists(committed), committed + " is missing; run with -Dchipbet.kubernetes.update=true");
        assertEquals(Manifests.read(built), Manifests.read(committed),
                committed + " differs from what the build generates (" + built + "); run with -Dchipbet.kubernetes.update=true and review the diff");
    }
}
