package io.chipbet.projection.scenario.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;

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
}
