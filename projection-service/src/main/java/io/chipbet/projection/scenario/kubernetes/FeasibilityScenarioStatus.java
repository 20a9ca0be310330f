package io.chipbet.projection.scenario.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.chipbet.platform.problem.ProblemException;
import io.chipbet.projection.scenario.ScenarioAnswer;
import io.chipbet.projection.score.Feasibility;
import io.fabric8.kubernetes.api.model.Condition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A FeasibilityScenario's answer, as the projection last evaluated it (GET /api/v1/scenarios/{id}/feasibility
 * has the whole of it). Conditions: {@link #READY}, and {@link #INVALID} with the reason a spec is refused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FeasibilityScenarioStatus {

    public static final String READY = "Ready";
    public static final String INVALID = "Invalid";

    @PrinterColumn(name = "P(PLAN)", priority = 0)
    @Min(0)
    @Max(1)
    private Double probability;

    @PrinterColumn(name = "DELIVERABLE", priority = 0)
    private Double deliverableP50Wpm;

    private Double deliverableP50FabsWorth;

    @PrinterColumn(name = "BINDING", priority = 0)
    private String bindingConstraint;

    private Long resultVersion;

    private Long observedGeneration;

    private List<Condition> conditions = new ArrayList<>();

    /** Probability that the deliverable capacity reaches the plan by its horizon, 0-1. */
    public Double getProbability() {
        return probability;
    }

    public void setProbability(Double probability) {
        this.probability = probability;
    }

    /** Deliverable capacity at the horizon, P50, leading-edge wafers a month. */
    public Double getDeliverableP50Wpm() {
        return deliverableP50Wpm;
    }

    public void setDeliverableP50Wpm(Double deliverableP50Wpm) {
        this.deliverableP50Wpm = deliverableP50Wpm;
    }

    /** The same P50 in the plan's fabs' worth. */
    public Double getDeliverableP50FabsWorth() {
        return deliverableP50FabsWorth;
    }

    public void setDeliverableP50FabsWorth(Double deliverableP50FabsWorth) {
        this.deliverableP50FabsWorth = deliverableP50FabsWorth;
    }

    /** The supply that binds most often: capital, capacity or talent. */
    public String getBindingConstraint() {
        return bindingConstraint;
    }

    public void setBindingConstraint(String bindingConstraint) {
        this.bindingConstraint = bindingConstraint;
    }

    /** The scenario's result version in the REST API, so a reader can match the two. */
    public Long getResultVersion() {
        return resultVersion;
    }

    public void setResultVersion(Long resultVersion) {
        this.resultVersion = resultVersion;
    }

    /** The metadata.generation this status answers. */
    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    /** The scenario's answer, for the resource's {@code generation}; conditions keep their transition time unless they change. */
    static FeasibilityScenarioStatus ready(ScenarioAnswer answer, Long generation, FeasibilityScenarioStatus previous) {
        FeasibilityScenarioStatus status = new FeasibilityScenarioStatus();
        Feasibility feasibility = answer.feasibility();
        status.probability = feasibility.probability();
        if (feasibility.deliverable() != null) {
            status.deliverableP50Wpm = feasibility.deliverable().wpm().p50();
            status.deliverableP50FabsWorth = feasibility.deliverable().fabsWorth().p50();
        }
        status.bindingConstraint = feasibility.binding() == null ? null : feasibility.binding().constraint();
        // 0 until the scenario's first result is published on its topic.
        status.resultVersion = answer.resultVersion() == 0 ? null : answer.resultVersion();
        status.observedGeneration = generation;
        status.conditions = List.of(
                condition(READY, "True", "Evaluated", feasibility.headline(), generation, previous),
                condition(INVALID, "False", "Valid", "The spec is accepted as POST /api/v1/scenarios would accept it", generation, previous));
        return status;
    }

    /** The reason the spec is refused, as POST /api/v1/scenarios would answer it (its problem's slug, detail and fields). */
    static FeasibilityScenarioStatus invalid(ProblemException refused, Long generation, FeasibilityScenarioStatus previous) {
        FeasibilityScenarioStatus status = new FeasibilityScenarioStatus();
        status.observedGeneration = generation;
        String fields = refused.violations().stream().map(violation -> violation.field() + ": " + violation.message())
                .collect(Collectors.joining("; "));
        String message = refused.getMessage() + (fields.isEmpty() ? "" : " (" + fields + ")");
        status.conditions = List.of(
                condition(READY, "False", "Invalid", "Not evaluated: the spec is invalid", generation, previous),
                condition(INVALID, "True", reason(refused.slug()), message, generation, previous));
        return status;
    }

    /** {@code unknown-plan} -> {@code UnknownPlan}: a condition's reason is CamelCase. */
    private static String reason(String slug) {
        StringBuilder reason = new StringBuilder();
        for (String word : slug.split("-")) {
            if (!word.isEmpty()) {
                reason.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return reason.toString();
    }

    private static Condition condition(String type, String value, String reason, String message, Long generation,
                                       FeasibilityScenarioStatus previous) {
        String since = previous == null ? null : previous.conditions.stream()
                .filter(condition -> type.equals(condition.getType()) && value.equals(condition.getStatus()))
                .map(Condition::getLastTransitionTime).findFirst().orElse(null);
        Condition condition = new Condition();
        condition.setType(type);
        condition.setStatus(value);
        condition.setReason(reason);
        condition.setMessage(message);
        condition.setObservedGeneration(generation);
        condition.setLastTransitionTime(since != null ? since : Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        return condition;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeasibilityScenarioStatus that && Objects.equals(probability, that.probability)
                && Objects.equals(deliverableP50Wpm, that.deliverableP50Wpm) && Objects.equals(deliverableP50FabsWorth, that.deliverableP50FabsWorth)
                && Objects.equals(bindingConstraint, that.bindingConstraint) && Objects.equals(resultVersion, that.resultVersion)
                && Objects.equals(observedGeneration, that.observedGeneration) && Objects.equals(conditions, that.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(probability, deliverableP50Wpm, bindingConstraint, resultVersion, observedGeneration);
    }
}
