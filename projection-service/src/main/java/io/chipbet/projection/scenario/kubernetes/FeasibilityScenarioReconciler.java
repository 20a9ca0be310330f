package io.chipbet.projection.scenario.kubernetes;

import io.chipbet.platform.problem.ProblemException;
import io.chipbet.projection.leadership.Leadership;
import io.chipbet.projection.scenario.ScenarioService;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A FeasibilityScenario to its scenario and back to its status. Its spec is checked exactly as POST
 * /api/v1/scenarios checks a body and stored (read-only) under the resource's uid; its status is the
 * scenario's answer, or the reason the spec is refused. Only the status is ever written.
 *
 * <p>Only the leader reconciles; a follower's reconcile does nothing. Rather than starting and stopping the
 * operator on leadership changes, it runs on every replica and {@link #reconcileAll} re-triggers every
 * resource when this replica is elected: JOSDK cannot restart a stopped operator, leadership is only ever
 * lost by the process stopping (crash-only, {@link Leadership}), and a follower's informer cache is then
 * already warm, so a new leader answers at once. A reconcile that finds it no longer leads changes nothing:
 * the store is fenced ({@link Leadership#fence}).
 */
@Singleton // not a client proxy: JOSDK reads the resource type off the reconciler's own class
public class FeasibilityScenarioReconciler implements Reconciler<FeasibilityScenario> {

    private static final Logger LOG = Logger.getLogger(FeasibilityScenarioReconciler.class);

    private final ScenarioService scenarios;
    private final Leadership leadership;
    /** Reconciles on demand: on election, and when a declared scenario's answer moved. */
    private final SimpleInboundEventSource<FeasibilityScenario> triggers = new SimpleInboundEventSource<>("scenario-answers");
    private volatile IndexerResourceCache<FeasibilityScenario> cache;

    public FeasibilityScenarioReconciler(ScenarioService scenarios, Leadership leadership) {
        this.scenarios = scenarios;
        this.leadership = leadership;
    }

    @Override
    public List<EventSource<?, FeasibilityScenario>> prepareEventSources(EventSourceContext<FeasibilityScenario> context) {
        cache = context.getPrimaryCache();
        return List.of(triggers);
    }

    @Override
    public UpdateControl<FeasibilityScenario> reconcile(FeasibilityScenario resource, Context<FeasibilityScenario> context) throws Exception {
        if (!leadership.isLeader()) {
            return UpdateControl.noUpdate(); // the leader answers; this replica re-triggers everything if it is elected
        }
        UUID id = UUID.fromString(resource.getMetadata().getUid());
        try {
            if (context.isPrimaryResourceDeleted()) {
                await(() -> scenarios.withdraw(id));
                return UpdateControl.noUpdate();
            }
            FeasibilityScenarioStatus status;
            try {
                await(() -> scenarios.declare(id, resource.getMetadata().getNamespace(), resource.getMetadata().getName(), resource.getSpec()));
                status = FeasibilityScenarioStatus.ready(scenarios.answer(id), resource.getMetadata().getGeneration(), resource.getStatus());
            } catch (ProblemException refused) {
                // Not a scenario that can be evaluated (any more): none is kept for it, and the status says why.
                await(() -> scenarios.withdraw(id));
                status = FeasibilityScenarioStatus.invalid(refused, resource.getMetadata().getGeneration(), resource.getStatus());
            }
            if (status.equals(resource.getStatus())) {
                return UpdateControl.noUpdate();
            }
            resource.setStatus(status);
            return UpdateControl.patchStatus(resource);
        } catch (Leadership.NotLeader lost) {
            LOG.debugf("%s not reconciled: %s", ResourceID.fromResource(resource), lost.getMessage());
            return UpdateControl.noUpdate();
        }
    }

    /** This replica was elected: every resource is reconciled, and scenarios whose resource went while no replica led are withdrawn. */
    void reconcileAll(String namespace) {
        IndexerResourceCache<FeasibilityScenario> resources = cache;
        if (resources == null) {
            return; // not started yet: its informer's first list reaches the reconciler anyway
        }
        Set<UUID> present = new HashSet<>();
        resources.list().forEach(resource -> {
            present.add(UUID.fromString(resource.getMetadata().getUid()));
            triggers.propagateEvent(ResourceID.fromResource(resource));
        });
        // Off this (the leadership's) thread: it must not wait for the database.
        VertxContextSupport.subscribe(() -> scenarios.withdrawAbsent(namespace, present).toMulti(), subscriber -> subscriber.with(
                withdrawn -> LOG.debugf("%d scenarios of deleted FeasibilityScenarios withdrawn", withdrawn),
                failure -> LOG.warnf("Scenarios of deleted FeasibilityScenarios not withdrawn (%s); tried again on the next election",
                        failure.getMessage())));
    }

    /** A declared scenario's answer moved (a new record, or its own revision): its resource's status follows. */
    void answerMoved(UUID id) {
        IndexerResourceCache<FeasibilityScenario> resources = cache;
        if (resources != null) {
            resources.list(resource -> id.toString().equals(resource.getMetadata().getUid()))
                    .forEach(resource -> triggers.propagateEvent(ResourceID.fromResource(resource)));
        }
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable other) {
            throw new IllegalStateException(other);
        }
    }
}
