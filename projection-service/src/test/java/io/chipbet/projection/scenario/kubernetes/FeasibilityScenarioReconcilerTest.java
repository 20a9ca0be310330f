package io.chipbet.projection.scenario.kubernetes;

import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import io.chipbet.projection.leadership.Leadership;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reconciler's rules that need no API server (ScenarioOperatorIT, in deploy/kubernetes-test, runs it against one). */
class FeasibilityScenarioReconcilerTest {

    @Test
    void aFollowerChangesNothing() throws Exception {
        // Never elected (not started): a follower. The service is absent: touching it would fail the test.
        FeasibilityScenarioReconciler reconciler = new FeasibilityScenarioReconciler(null, new Leadership(null, null));
        FeasibilityScenario resource = new FeasibilityScenario();
        resource.setMetadata(new ObjectMetaBuilder().withName("a").withNamespace("chipbet").withUid(UUID.randomUUID().toString())
                .withGeneration(1L).build());
        assertTrue(reconciler.reconcile(resource, null).isNoUpdate());
    }

    @Test
    void anInvalidSpecSaysWhyAndAnUnchangedReasonIsNotPatchedAgain() {
        ProblemException refused = ProblemException.unprocessable("unknown-plan", "Unknown plan", "No plan 'x' is configured",
                List.of(new Problem.Violation("overrides.plan.key", "must be one of [pitch-36-fabs]")));
        FeasibilityScenarioStatus status = FeasibilityScenarioStatus.invalid(refused, 3L, null);
        Condition invalid = status.getConditions().stream().filter(c -> c.getType().equals("Invalid")).findFirst().orElseThrow();
        assertEquals("True", invalid.getStatus());
        assertEquals("UnknownPlan", invalid.getReason());
        assertEquals("No plan 'x' is configured (overrides.plan.key: must be one of [pitch-36-fabs])", invalid.getMessage());
        assertEquals("False", status.getConditions().stream().filter(c -> c.getType().equals("Ready")).findFirst().orElseThrow().getStatus());
        assertEquals(3L, status.getObservedGeneration());

        // The same refusal again keeps its transition time: equal, so the reconciler sends no patch.
        assertEquals(status, FeasibilityScenarioStatus.invalid(refused, 3L, status));
        // A new generation is a new status.
        assertNotEquals(status, FeasibilityScenarioStatus.invalid(refused, 4L, status));
    }
}
