package io.chipbet.projection.score;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The answer as Prometheus gauges, read from the snapshot readers get: chipbet_feasibility_probability,
 * chipbet_deliverable_wpm{quantile}, chipbet_constraint_wpm{constraint, quantile}, and the age of
 * the simulation behind them. NaN until the first simulation.
 */
@ApplicationScoped
class AnswerMetrics {

    private final ScoreBoard board;
    private final MeterRegistry registry;

    AnswerMetrics(ScoreBoard board, MeterRegistry registry) {
        this.board = board;
        this.registry = registry;
    }

    void register(@Observes StartupEvent startup) {
        gauge("chipbet.feasibility.probability", "Probability that the plan is met by its horizon (0-1)", List.of(),
                answer -> answer.probability() == null ? Double.NaN : answer.probability());
        for (String quantile : List.of("p10", "p50", "p90")) {
            gauge("chipbet.deliverable.wpm", "Deliverable leading-edge capacity at the horizon, wafers a month", List.of("quantile", quantile),
                    answer -> answer.deliverable() == null ? Double.NaN : pick(answer.deliverable().wpm(), quantile));
            for (String constraint : List.of("fabs", "capital", "talent")) {
                gauge("chipbet.constraint.wpm", "What each supply can deliver by the horizon, wafers a month",
                        List.of("constraint", constraint, "quantile", quantile), answer -> answer.constraints().stream()
                                .filter(c -> c.name().equals(constraint) && c.wpm() != null).findFirst()
                                .map(c -> pick(c.wpm(), quantile)).orElse(Double.NaN));
            }
        }
        gauge("chipbet.feasibility.version", "Version of the answer served", List.of(), answer -> answer.version());
        gauge("chipbet.feasibility.simulation.current", "1 when the probability served is the current record's, 0 while it is computed",
                List.of(), answer -> answer.simulation() == null ? 0 : answer.simulation().current() ? 1 : 0);
    }

    private void gauge(String name, String description, List<String> tags, ToDoubleFunction<Feasibility> value) {
        Gauge.builder(name, board, b -> value.applyAsDouble(b.current())).description(description)
                .tags(tags.toArray(new String[0])).register(registry);
    }

    private static double pick(io.chipbet.projection.model.Quantiles quantiles, String which) {
        return switch (which) {
            case "p10" -> quantiles.p10();
            case "p50" -> quantiles.p50();
            default -> quantiles.p90();
        };
    }
}
