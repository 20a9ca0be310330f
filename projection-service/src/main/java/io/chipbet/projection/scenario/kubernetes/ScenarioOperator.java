package io.chipbet.projection.scenario.kubernetes;

import io.chipbet.projection.leadership.Leadership;
import io.chipbet.projection.scenario.Scenario;
import io.chipbet.projection.scenario.ScenarioEvaluations;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Runs the FeasibilityScenario operator (Java Operator SDK) when configured: one controller, watching one
 * namespace, whose reconciler acts on the leader only. It is started on every replica, so a follower's cache is
 * warm when it is elected; leadership then re-triggers every resource, and each moved answer of a declared
 * scenario re-triggers its own resource, so statuses stay live as events arrive.
 */
@ApplicationScoped
public class ScenarioOperator {

    private static final Logger LOG = Logger.getLogger(ScenarioOperator.class);

    private final ScenarioOperatorConfig config;
    private final FeasibilityScenarioReconciler reconciler;
    private final Leadership leadership;
    private final ScenarioEvaluations evaluations;
    private Operator operator;
    private Cancellable answers;

    public ScenarioOperator(ScenarioOperatorConfig config, FeasibilityScenarioReconciler reconciler, Leadership leadership,
                            ScenarioEvaluations evaluations) {
        this.config = config;
        this.reconciler = reconciler;
        this.leadership = leadership;
        this.evaluations = evaluations;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.operator().enabled()) {
            return;
        }
        // In a pod: its service account (token, CA, namespace); elsewhere: KUBECONFIG or ~/.kube/config.
        KubernetesClient client = new KubernetesClientBuilder().build();
        String namespace = config.operator().namespace().orElse(client.getNamespace());
        if (namespace == null || namespace.isBlank()) {
            client.close();
            throw new IllegalStateException("The scenario operator is enabled but has no namespace: set "
                    + "chipbet.projection.kubernetes.operator.namespace, or run it in a pod");
        }
        operator = new Operator(overrider -> overrider.withKubernetesClient(client).withCloseClientOnStop(true)
                .withConcurrentReconciliationThreads(config.operator().threads())
                // Its Role reads resources in its own namespace only; the CRD check would read a cluster-scoped object.
                .checkingCRDAndValidateLocalModel(false));
        operator.register(reconciler, controller -> controller.withName("feasibilityscenario").settingNamespace(namespace)
                // Deletions reach the reconciler too, without a finalizer (which would need write access to the resource).
                .withTriggerReconcilerOnAllEvents(true));
        leadership.listen(new Leadership.Listener() {
            @Override
            public void elected(long epoch) {
                reconciler.reconcileAll(namespace);
            }

            @Override
            public void followerTick() {
            }
        });
        answers = evaluations.changes().filter(answer -> Scenario.KUBERNETES.equals(answer.source()))
                .subscribe().with(answer -> reconciler.answerMoved(answer.id()));
        operator.start();
        LOG.infof("Reconciling FeasibilityScenarios in namespace %s (on the leader)", namespace);
        if (leadership.isLeader()) {
            reconciler.reconcileAll(namespace); // elected before the listener was there
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (answers != null) {
            answers.cancel();
        }
        if (operator != null) {
            operator.stop();
        }
    }
}
