package io.chipbet.projection.scenario.kubernetes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** projection-service in Kubernetes (deploy/kubernetes/README.md, "Scenarios as custom resources"). */
@ConfigMapping(prefix = "chipbet.projection.kubernetes")
public interface ScenarioOperatorConfig {

    /** The FeasibilityScenario operator. */
    Operator operator();

    interface Operator {

        /** Off by default: outside Kubernetes there is no API server to watch. The Kubernetes overlay turns it on. */
        @WithDefault("false")
        boolean enabled();

        /**
         * The one namespace whose FeasibilityScenarios it reconciles (its Role is namespaced). Absent: the pod's own,
         * from its service account, or the kubeconfig context's outside a pod.
         */
        Optional<String> namespace();

        /** Reconciliations at once: each evaluates a scenario (a Monte Carlo run), so a few are enough on a small pod. */
        @WithDefault("2")
        int threads();
    }
}
