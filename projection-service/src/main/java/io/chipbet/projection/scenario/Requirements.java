package io.chipbet.projection.scenario;

import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.InvestorKind;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.contract.talent.TalentRole;
import io.chipbet.projection.model.ModelConfig;
import io.chipbet.projection.model.ModelConfigs;
import io.chipbet.projection.score.Answers;
import io.chipbet.projection.score.RecordEvaluated;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.DoubleFunction;

/**
 * Goal seeking: the smallest change along each single lever, the rest of the scenario as it is, that
 * brings the probability of the plan to a target. Each lever is searched by bisection on the model
 * (probability grows with each lever's amount), within a bound; a lever that does not reach the target
 * at its bound says so, with the probability there.
 */
final class Requirements {

    /** Samples per evaluation during a search: the answer's own sample count is kept for the result. */
    static final int SEARCH_SAMPLES = 2_000;
    private static final int STEPS = 14;

    @Schema(name = "Requirement")
    record Requirement(String lever, @Schema(examples = "+$410B disbursed fab money", nullable = true) String change,
                       @Schema(nullable = true) Double amount, @Schema(nullable = true) String unit,
                       boolean reachable, double probabilityAfter, String note) {
    }

    private record Lever(String name, String unit, double low, double high, boolean geometric, DoubleFunction<Double> probability,
                         DoubleFunction<String> words) {
    }

    private Requirements() {
    }

    static List<Requirement> of(ScenarioEvaluations.Entry entry, RecordEvaluated record, double target) {
        List<Object> states = record.states();
        List<ScenarioChange> changes = entry.spec().changesOrNone();
        for (int i = 0; i < changes.size(); i++) {
            states = changes.get(i).apply(states, entry.id(), i);
        }
        List<Object> scenarioStates = states;
        LocalDate on = record.evaluatedOn();
        Map<String, String> baseKeys = entry.spec().overrides() == null ? new HashMap<>(Map.of("chipbet.model.plan", entry.config().plan()))
                : new HashMap<>(entry.spec().overrides().toConfig(entry.config().plan(), entry.name()));
        baseKeys.put("chipbet.model.simulation.samples.value", String.valueOf(SEARCH_SAMPLES));
        baseKeys.put("chipbet.model.simulation.samples.source-title", "chipbet assumption (goal seek)");
        ModelConfig searchConfig = ModelConfigs.withOverrides(baseKeys);
        int horizonYear = searchConfig.plans().get(searchConfig.plan()).horizon().getYear();
        UUID lever = UUID.nameUUIDFromBytes(("requirements/" + entry.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        List<Lever> levers = List.of(
                new Lever("untied fab money", "USD", 1e9, 20e12, true,
                        amount -> Answers.probability(searchConfig, new ScenarioChange.AddCommitment(BigDecimal.valueOf(Math.round(amount)),
                                CommitmentStatus.DISBURSED, Purpose.FABS, "Hypothetical fab money", InvestorKind.OTHER, "ZZ")
                                .apply(scenarioStates, lever, 0), on),
                        amount -> String.format(Locale.ROOT, "+$%,.0fB disbursed fab money", amount / 1e9)),
                new Lever("technicians", "workers a year", 100, 2_000_000, true,
                        perYear -> Answers.probability(searchConfig, new ScenarioChange.AddTrainingProgram("US", TalentRole.TECHNICIAN,
                                Math.round(perYear), on.getYear() + 1, horizonYear).apply(scenarioStates, lever, 1), on),
                        perYear -> String.format(Locale.ROOT, "+%,.0f US technicians a year from %d (%,.0f by %d)", perYear, on.getYear() + 1,
                                perYear * Math.max(0, horizonYear - on.getYear()), horizonYear)),
                new Lever("builders' surge", "x the industry's own additions", 0.5, 100, true,
                        surge -> probabilityWith(baseKeys, Map.of(
                                "chipbet.model.build.surge.p10", String.valueOf(surge), "chipbet.model.build.surge.p50", String.valueOf(surge),
                                "chipbet.model.build.surge.p90", String.valueOf(surge)), scenarioStates, on),
                        surge -> String.format(Locale.ROOT, "builders add %.1fx the industry's own capacity a year for the plan", surge)),
                new Lever("later horizon", "months", 1, 240, false,
                        months -> probabilityWith(baseKeys, Map.of("chipbet.model.plans." + searchConfig.plan() + ".horizon",
                                searchConfig.plans().get(searchConfig.plan()).horizon().plusMonths(Math.round(months)).toString()), scenarioStates, on),
                        months -> String.format(Locale.ROOT, "horizon %d months later (%s)", Math.round(months),
                                searchConfig.plans().get(searchConfig.plan()).horizon().plusMonths(Math.round(months)))));

        List<Requirement> requirements = new ArrayList<>();
        double now = Answers.probability(searchConfig, scenarioStates, on);
        // "No further slip": the tracked fabs produce as planned, a switch rather than an amount.
        double noSlip = probabilityWith(baseKeys, Map.of("chipbet.model.fabs.slip-prior-mean-months.value", "0",
                "chipbet.model.fabs.slip-prior-weight.value", "1000000000"), scenarioStates, on);
        requirements.add(new Requirement("no further slip", "no further slip: every tracked fab produces as planned", null, null,
                noSlip >= target, noSlip, noSlip >= target ? null : "not enough on its own"));
        for (Lever each : levers) {
            requirements.add(search(each, now, target));
        }
        return requirements;
    }

    private static Requirement search(Lever lever, double now, double target) {
        if (now >= target) {
            return new Requirement(lever.name(), "nothing: the scenario already reaches it", 0.0, lever.unit(), true, now, null);
        }
        double atHigh = lever.probability().apply(lever.high());
        if (atHigh < target) {
            return new Requirement(lever.name(), null, null, lever.unit(), false, atHigh,
                    "not reachable along this lever alone: at " + lever.words().apply(lever.high()) + " the probability is "
                            + String.format(Locale.ROOT, "%.1f%%", 100 * atHigh));
        }
        double low = lever.low();
        double high = lever.high();
        double reached = atHigh;
        for (int step = 0; step < STEPS; step++) {
            double middle = lever.geometric() ? Math.sqrt(low * high) : (low + high) / 2;
            double probability = lever.probability().apply(middle);
            if (probability >= target) {
                high = middle;
                reached = probability;
            } else {
                low = middle;
            }
        }
        return new Requirement(lever.name(), lever.words().apply(high), high, lever.unit(), true, reached, null);
    }

    private static double probabilityWith(Map<String, String> baseKeys, Map<String, String> more, List<Object> states, LocalDate on) {
        Map<String, String> keys = new HashMap<>(baseKeys);
        keys.putAll(more);
        return Answers.probability(ModelConfigs.withOverrides(keys), states, on);
    }
}
