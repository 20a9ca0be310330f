package io.chipbet.projection.scenario;

import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.projection.model.ModelConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Assumptions a scenario sets differently from the baseline. Each becomes the configuration key it
 * stands for ({@link #toConfig}), labelled with the scenario as its source, so the model reads and
 * checks it exactly as it reads application.properties. Absent means as in the baseline.
 */
@Schema(description = "Assumptions the scenario sets differently; absent fields keep the baseline's")
public record ScenarioOverrides(
        @Schema(nullable = true) @Valid PlanOverride plan,
        @Schema(nullable = true, description = "INCREMENT or ABSOLUTE") ModelConfig.Basis basis,
        @Schema(nullable = true, description = "Share of unpaid money paid in the end, by status") Map<CommitmentStatus, @Valid Triple> conversion,
        @Schema(nullable = true, description = "Share that builds fabs, by purpose") Map<Purpose, @Valid Triple> fabShare,
        @Schema(nullable = true, description = "Operations staff per wafer a month") @Valid Triple staffPerWpm,
        @Schema(nullable = true, description = "Months from first production to nameplate") @Valid Triple rampMonths,
        @Schema(nullable = true, description = "Months from the decision to production for a new fab") @Valid Triple buildMonths,
        @Schema(nullable = true, description = "Extra build rate for the plan, x the industry's own additions") @Valid Triple surge,
        @Schema(nullable = true, description = "Cost of new capacity, x the plan's own") @Valid Triple costMultiple,
        @Schema(nullable = true, description = "Further-slip prior mean in Taiwan, months") @DecimalMin("0") @DecimalMax("240") Double slipPriorMeanMonths,
        @Schema(nullable = true, description = "Build time relative to Taiwan's, by region; e.g. {\"US\": 1} builds US fabs at Taiwan speed")
        @Size(max = 20) Map<@Pattern(regexp = "[A-Z]{2,8}", message = "must be a region code such as US") String,
                @Positive @DecimalMax("10") Double> buildTimeRatio,
        @Schema(nullable = true) @Valid ComputeOverride compute,
        @Schema(nullable = true, description = "Monte Carlo samples") @Min(100) @Max(100_000) Integer samples,
        @Schema(nullable = true, description = "Monte Carlo seed") Long seed) {

    public record PlanOverride(
            @Schema(nullable = true, description = "Another configured plan to start from, e.g. scaled-down") @Pattern(regexp = "[a-z0-9-]{1,60}") String key,
            @Schema(nullable = true) @Positive @DecimalMax("10000") Double fabs,
            @Schema(nullable = true) @Positive @DecimalMax("10000000") Double nameplateWpm,
            @Schema(nullable = true) @Future LocalDate horizon) {
    }

    public record ComputeOverride(@Schema(nullable = true) @Valid Triple goodDiesPerWafer, @Schema(nullable = true) @Valid Triple actorShare, @Schema(nullable = true) @Valid Triple runMonths,
                                  @Schema(nullable = true) @DecimalMin("0") @DecimalMax("1") Double utilization) {
    }

    /** The configuration keys these overrides set, for the plan {@code basePlan} unless they pick another. */
    Map<String, String> toConfig(String basePlan, String label) {
        Map<String, String> keys = new LinkedHashMap<>();
        String source = "scenario '" + label + "'";
        String planKey = plan != null && plan.key() != null ? plan.key() : basePlan;
        keys.put("chipbet.model.plan", planKey);
        if (plan != null) {
            String prefix = "chipbet.model.plans." + planKey + ".";
            figure(keys, prefix + "fabs", plan.fabs(), source);
            figure(keys, prefix + "nameplate-wpm", plan.nameplateWpm(), source);
            if (plan.horizon() != null) {
                keys.put(prefix + "horizon", plan.horizon().toString());
                keys.put(prefix + "horizon-source", source);
            }
        }
        if (basis != null) {
            keys.put("chipbet.model.baseline.basis", basis.name());
            keys.put("chipbet.model.baseline.basis-source", source);
        }
        if (conversion != null) {
            conversion.forEach((status, triple) -> triple(keys, "chipbet.model.capital.conversion." + status, triple, source));
        }
        if (fabShare != null) {
            fabShare.forEach((purpose, triple) -> triple(keys, "chipbet.model.capital.fab-share." + purpose, triple, source));
        }
        triple(keys, "chipbet.model.talent.staff-per-wpm", staffPerWpm, source);
        triple(keys, "chipbet.model.fabs.ramp-months", rampMonths, source);
        triple(keys, "chipbet.model.build.build-months", buildMonths, source);
        triple(keys, "chipbet.model.build.surge", surge, source);
        triple(keys, "chipbet.model.capital.cost-multiple", costMultiple, source);
        figure(keys, "chipbet.model.fabs.slip-prior-mean-months", slipPriorMeanMonths, source);
        if (buildTimeRatio != null) {
            buildTimeRatio.forEach((region, ratio) -> {
                figure(keys, "chipbet.model.fabs.build-time-ratio." + region, ratio, source);
                keys.put("chipbet.model.fabs.build-time-ratio." + region + ".unit", "x Taiwan's build time");
            });
        }
        if (compute != null) {
            triple(keys, "chipbet.model.compute.good-dies-per-wafer", compute.goodDiesPerWafer(), source);
            triple(keys, "chipbet.model.compute.actor-share", compute.actorShare(), source);
            triple(keys, "chipbet.model.compute.run-months", compute.runMonths(), source);
            figure(keys, "chipbet.model.compute.utilization", compute.utilization(), source);
        }
        figure(keys, "chipbet.model.simulation.samples", samples == null ? null : samples.doubleValue(), source);
        figure(keys, "chipbet.model.simulation.seed", seed == null ? null : seed.doubleValue(), source);
        return keys;
    }

    private static void figure(Map<String, String> keys, String prefix, Double value, String source) {
        if (value != null) {
            keys.put(prefix + ".value", String.valueOf(value));
            keys.put(prefix + ".source-title", source);
            keys.put(prefix + ".source-url", ""); // empty is absent: the baseline's address is not this value's source
        }
    }

    private static void triple(Map<String, String> keys, String prefix, Triple triple, String source) {
        if (triple != null) {
            keys.put(prefix + ".p10", String.valueOf(triple.p10()));
            keys.put(prefix + ".p50", String.valueOf(triple.p50()));
            keys.put(prefix + ".p90", String.valueOf(triple.p90()));
            keys.put(prefix + ".source-title", source);
        }
    }
}
