package io.chipbet.projection.scenario;

import io.chipbet.platform.contract.score.FeasibilityEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipbet.platform.api.ETags;
import io.chipbet.platform.api.Page;
import io.chipbet.platform.api.PageRequest;
import io.chipbet.platform.event.DomainEvent;
import io.chipbet.platform.idempotency.Idempotency;
import io.chipbet.platform.idempotency.WriteRequest;
import io.chipbet.platform.idempotency.Written;
import io.chipbet.platform.outbox.Outbox;
import io.chipbet.platform.problem.Problem;
import io.chipbet.platform.problem.ProblemException;
import io.chipbet.projection.leadership.Leadership;
import io.chipbet.projection.model.Explanation;
import io.chipbet.projection.model.ModelConfigs;
import io.chipbet.projection.score.ScoreBoard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rules of scenarios and their transactions: a spec must name facts that are on record and
 * assumptions the model accepts, or nothing is written; a revision needs the current ETag; a scenario
 * from Kubernetes is changed there, not here. Each write commits, then the scenario is evaluated again.
 */
@ApplicationScoped
public class ScenarioService {

    private final ScenarioRepository scenarios;
    private final ScenarioEvaluations evaluations;
    private final Idempotency idempotency;
    private final Outbox outbox;
    private final ScoreBoard board;
    private final ObjectMapper json;
    private final Validator validator;
    private final Leadership leadership;

    public ScenarioService(ScenarioRepository scenarios, ScenarioEvaluations evaluations, Idempotency idempotency, Outbox outbox,
                           ScoreBoard board, ObjectMapper json, Validator validator, Leadership leadership) {
        this.validator = validator;
        this.leadership = leadership;
        this.scenarios = scenarios;
        this.evaluations = evaluations;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.board = board;
        this.json = json;
    }

    /** Its own transaction, like every write; the new scenario is evaluated once the row is committed. */
    public Uni<Written> create(WriteRequest write, ScenarioSpec spec) {
        check(spec);
        UUID id = UUID.randomUUID();
        return Panache.withTransaction(() -> idempotency.create(write, spec, () -> {
            Scenario scenario = Scenario.create(id, spec.name(), ScenarioSpecs.write(json, spec), Scenario.API);
            return scenarios.persist(scenario).map(stored -> Written.created(write.locationOf(stored.id), ScenarioView.of(stored, spec), stored.revision));
        })).invoke(written -> {
            if (!written.replayed()) {
                evaluations.changed(Scenario.create(id, spec.name(), ScenarioSpecs.write(json, spec), Scenario.API));
            }
        });
    }

    public Uni<RestResponse<ScenarioView>> revise(UUID id, String ifMatch, ScenarioSpec spec) {
        long expected = ETags.requiredVersion(ifMatch);
        check(spec);
        return Panache.withTransaction(() -> scenarios.lock(id).map(scenario -> {
                    if (scenario == null) {
                        throw ProblemException.notFound("Scenario", id);
                    }
                    requireEditableHere(scenario);
                    ETags.requireCurrent("Scenario " + id, scenario.revision, expected);
                    scenario.revise(spec.name(), ScenarioSpecs.write(json, spec));
                    return scenario;
                }))
                .invoke(evaluations::changed)
                .map(scenario -> ETags.ok(ScenarioView.of(scenario, spec), scenario.revision));
    }

    public Uni<Void> delete(UUID id) {
        return Panache.withTransaction(() -> scenarios.lock(id).chain(scenario -> {
                    if (scenario == null) {
                        throw ProblemException.notFound("Scenario", id);
                    }
                    requireEditableHere(scenario);
                    return deleteWithLastEvent(scenario);
                }))
                .invoke(() -> evaluations.removed(id));
    }

    /** In the caller's transaction: the row goes, and its topic gets a last ScenarioDeleted event. */
    private Uni<Void> deleteWithLastEvent(Scenario scenario) {
        long last = scenario.nextResult();
        return outbox.append(FeasibilityEvent.SCENARIO_DELETED.stream().topic(), DomainEvent.of(FeasibilityEvent.SCENARIO_DELETED,
                        scenario.id, last, "projection-service", List.of(), new Deleted(scenario.id, scenario.name)))
                .chain(() -> scenarios.delete(scenario));
    }

    /**
     * A FeasibilityScenario's spec, as its reconciler read it from the leader: checked exactly as POST's body is
     * (Bean Validation, then {@link #check}; a {@link ProblemException} says why not), then stored under the
     * resource's uid as a read-only scenario and evaluated again if it changed. Emits the stored scenario's id.
     */
    public Uni<UUID> declare(UUID uid, String namespace, String resourceName, ScenarioSpec spec) {
        validate(spec);
        check(spec);
        String written = ScenarioSpecs.write(json, spec);
        return Panache.withTransaction(() -> leadership.fence().chain(() -> scenarios.lock(uid)).chain(scenario -> {
                    if (scenario == null) {
                        return scenarios.persist(Scenario.declared(uid, namespace, resourceName, spec.name(), written)).map(stored -> stored);
                    }
                    if (!written.equals(scenario.spec)) {
                        scenario.revise(spec.name(), written);
                        return Uni.createFrom().item(scenario);
                    }
                    return Uni.createFrom().nullItem(); // unchanged: nothing to evaluate again
                }))
                .invoke(changed -> {
                    if (changed != null) {
                        evaluations.changed(changed);
                    }
                })
                .replaceWith(uid);
    }

    /** A FeasibilityScenario that is gone, or whose spec can no longer be evaluated: its scenario goes, as a DELETE would. */
    public Uni<Void> withdraw(UUID uid) {
        return Panache.withTransaction(() -> leadership.fence().chain(() -> scenarios.lock(uid)).chain(scenario ->
                        scenario == null || !Scenario.KUBERNETES.equals(scenario.source) ? Uni.createFrom().voidItem()
                                : deleteWithLastEvent(scenario)))
                .invoke(() -> evaluations.removed(uid));
    }

    /** The scenarios declared in {@code namespace} whose resource is not among {@code present} (it went while no replica led) go. */
    public Uni<Integer> withdrawAbsent(String namespace, Set<UUID> present) {
        return Panache.withSession(() -> scenarios.declaredIn(namespace)).chain(stored -> {
            List<UUID> gone = stored.stream().filter(id -> !present.contains(id)).toList();
            Uni<Void> all = Uni.createFrom().voidItem();
            for (UUID id : gone) {
                all = all.chain(() -> withdraw(id));
            }
            return all.replaceWith(gone.size());
        });
    }

    /**
     * Bean Validation of a spec that did not come through a REST body (where {@code @Valid} does it): the same
     * constraints, answered as the same problem, each field named by its path in the spec as REST names it in the body.
     */
    private void validate(ScenarioSpec spec) {
        List<Problem.Violation> violations = validator.validate(spec).stream()
                .map(violation -> new Problem.Violation(violation.getPropertyPath().toString(), violation.getMessage())).toList();
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
    }

    /** The data of a ScenarioDeleted event. */
    public record Deleted(UUID id, String name) {
    }

    public Uni<RestResponse<ScenarioView>> get(UUID id) {
        return Panache.withSession(() -> scenarios.findById(id)).map(scenario -> {
            if (scenario == null) {
                throw ProblemException.notFound("Scenario", id);
            }
            return ETags.ok(view(scenario), scenario.revision);
        });
    }

    /** Oldest first, then by id: the order is stable across pages. */
    public Uni<Page<ScenarioView>> list(PageRequest paging) {
        return Panache.withSession(() -> paging.of(scenarios.find("order by createdAt, id")))
                .map(found -> found.map(this::view));
    }

    private ScenarioView view(Scenario scenario) {
        ScenarioSpec spec;
        try {
            spec = ScenarioSpecs.read(json, scenario.spec);
        } catch (ScenarioSpecs.Unreadable unreadable) {
            return ScenarioView.unreadable(scenario, "stored by a newer version of chipbet: " + unreadable.getMessage());
        }
        return ScenarioView.of(scenario, spec, evaluations.unreadableBecause(scenario.id, scenario.revision).orElse(null));
    }

    public ScenarioAnswer answer(UUID id) {
        return evaluations.answer(id).orElseThrow(() -> missing(id));
    }

    /** The entry a scenario is evaluated from (its spec and configuration), for what-it-would-take searches. */
    ScenarioEvaluations.Entry entry(UUID id) {
        return evaluations.entry(id).orElseThrow(() -> missing(id));
    }

    /** Not answered: unknown, or stored but not evaluated by this replica (a 409 that says why, not a 404). */
    private ProblemException missing(UUID id) {
        return evaluations.unreadableBecause(id)
                .map(why -> ProblemException.conflict("unreadable-scenario", "Scenario not evaluated by this replica",
                        "Scenario " + id + " is stored, but this replica does not evaluate it: " + why))
                .orElseGet(() -> ProblemException.notFound("Scenario", id));
    }

    /**
     * A spec that can be evaluated: the facts its changes name are on record, and its assumptions map
     * onto the model's configuration. Bean Validation has checked each field's own range before.
     */
    void check(ScenarioSpec spec) {
        Explanation record = board.currentInputs();
        Set<UUID> fabs = record.fabs().stream().map(Explanation.FabRow::id).collect(Collectors.toSet());
        Set<UUID> commitments = record.capital().commitments().stream().map(Explanation.CommitmentRow::id).collect(Collectors.toSet());
        List<Problem.Violation> unknown = new ArrayList<>();
        List<ScenarioChange> changes = spec.changesOrNone();
        for (int i = 0; i < changes.size(); i++) {
            int index = i;
            changes.get(i).fabOnRecord().filter(fab -> !fabs.contains(fab))
                    .ifPresent(fab -> unknown.add(new Problem.Violation("changes[" + index + "].fabId", "no fab " + fab + " is on record")));
            changes.get(i).commitmentOnRecord().filter(commitment -> !commitments.contains(commitment))
                    .ifPresent(commitment -> unknown.add(new Problem.Violation("changes[" + index + "].commitmentId",
                            "no commitment " + commitment + " is on record")));
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("unknown-fact", "Unknown fact", "A change names a fact that is not on record", unknown);
        }
        if (spec.overrides() != null) {
            String plan = spec.overrides().plan() == null || spec.overrides().plan().key() == null ? board.config().plan()
                    : spec.overrides().plan().key();
            if (!board.config().plans().containsKey(plan)) {
                throw ProblemException.unprocessable("unknown-plan", "Unknown plan", "No plan '" + plan + "' is configured",
                        List.of(new Problem.Violation("overrides.plan.key", "must be one of " + board.config().plans().keySet())));
            }
            try {
                ModelConfigs.withOverrides(spec.overrides().toConfig(board.config().plan(), spec.name()));
            } catch (RuntimeException e) {
                throw ProblemException.unprocessable("invalid-overrides", "Invalid overrides", e.getMessage(),
                        List.of(new Problem.Violation("overrides", e.getMessage())));
            }
        }
    }

    private static void requireEditableHere(Scenario scenario) {
        if (Scenario.KUBERNETES.equals(scenario.source)) {
            throw ProblemException.conflict("read-only-scenario", "Scenario is read-only here",
                    "Scenario " + scenario.id + " comes from a FeasibilityScenario resource: change it with kubectl");
        }
    }
}
