package io.chipbet.projection.model;

import java.time.LocalDate;

/** One plan, resolved from its configuration: what it needs by when, in the model's unit. */
public record PlanTerms(String key, String label, double fabs, double nameplateWpm, double costPerFabUsd, LocalDate horizon) {

    public static PlanTerms of(ModelConfig config, String key) {
        ModelConfig.Plan plan = config.plans().get(key);
        if (plan == null) {
            throw new IllegalArgumentException("Unknown plan '" + key + "'; known: " + config.plans().keySet());
        }
        return new PlanTerms(key, plan.label(), plan.fabs().value(), plan.nameplateWpm().value(), plan.costPerFabUsd().value(),
                plan.horizon());
    }

    /** The plan's capacity: its fabs at nameplate, in wafers a month. */
    public double targetWpm() {
        return fabs * nameplateWpm;
    }

    public double costPerWpmUsd() {
        return costPerFabUsd / nameplateWpm;
    }
}
