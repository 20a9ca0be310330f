package io.chipbet.projection.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Monte Carlo: {@code samples} evaluations of the one formula ({@link Evaluator}) with seeded
 * draws. The same record, assumptions and seed give the same outlook, bit for bit.
 */
public final class Simulation {

    private Simulation() {
    }

    static Outlook run(Prepared prepared, int samples, long seed, Set<Double> reportedShares) {
        long started = System.nanoTime();
        Draws draws = Draws.random(seed);
        Evaluator.Result result = new Evaluator.Result();
        double[] deliverable = new double[samples];
        double[] cumulative = new double[samples];
        double[] tracked = new double[samples];
        double[] buildable = new double[samples];
        double[] fabs = new double[samples];
        double[] capital = new double[samples];
        double[] talent = new double[samples];
        double[] accelerators = new double[samples];
        double[] stock = new double[samples];
        double[] run = new double[samples];
        double[] power = new double[samples];
        int met = 0;
        int bindsFabs = 0;
        int bindsCapital = 0;
        int bindsTalent = 0;
        for (int s = 0; s < samples; s++) {
            Evaluator.evaluate(prepared, draws, result);
            deliverable[s] = result.deliverable;
            cumulative[s] = result.deliverableCumulative;
            tracked[s] = result.tracked;
            buildable[s] = result.buildable;
            fabs[s] = result.fabsConstraint();
            capital[s] = result.capitalConstraint();
            talent[s] = result.talentConstraint();
            accelerators[s] = result.acceleratorsPerYear;
            stock[s] = result.acceleratorStock;
            run[s] = result.largestRunFlop;
            power[s] = result.powerWatts / 1e9;
            if (result.binding == 0) {
                met++;
            }
            bindsFabs += (result.binding & Evaluator.FABS) != 0 ? 1 : 0;
            bindsCapital += (result.binding & Evaluator.CAPITAL) != 0 ? 1 : 0;
            bindsTalent += (result.binding & Evaluator.TALENT) != 0 ? 1 : 0;
        }
        Map<String, Double> binding = new LinkedHashMap<>();
        binding.put("fabs", bindsFabs / (double) samples);
        binding.put("capital", bindsCapital / (double) samples);
        binding.put("talent", bindsTalent / (double) samples);
        binding.put("none", met / (double) samples);
        List<Outlook.ShareChance> chances = new ArrayList<>();
        for (double share : reportedShares.stream().sorted().toList()) {
            chances.add(new Outlook.ShareChance(share, atLeast(deliverable, share * prepared.targetWpm())));
        }
        Quantiles deliverableQuantiles = Quantiles.of(deliverable);
        return new Outlook(samples, seed, met / (double) samples, deliverableQuantiles, Quantiles.of(cumulative),
                Quantiles.of(tracked), Quantiles.of(buildable), Quantiles.of(fabs), Quantiles.of(capital), Quantiles.of(talent),
                binding, chances, new Outlook.ComputeOutlook(Quantiles.of(accelerators), Quantiles.of(stock), Quantiles.of(run),
                Quantiles.of(power)), (System.nanoTime() - started) / 1_000_000);
    }

    /** Share of the samples at or above a threshold (a relative 1e-12 below it counts: rounding, not a shortfall). */
    private static double atLeast(double[] samples, double threshold) {
        double floor = threshold * (1 - 1e-12);
        int count = 0;
        for (double sample : samples) {
            count += sample >= floor ? 1 : 0;
        }
        return count / (double) samples.length;
    }
}
