package io.chipbet.kubernetes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        same(Manifests.ROOT.resolve(service).resolve("target/kubernetes/kubernetes.yml"),
                Manifests.KUBERNETES.resolve("base/generated").resolve(service + ".yml"));
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
