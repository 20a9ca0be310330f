package io.chipbet.fab.slip;

import io.chipbet.platform.calculation.EmpiricalQuantiles;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Count, mean, median and p90 of slips in months: plain arithmetic, kept apart so it is easy to check; the quantiles are platform's. */
public final class SlipCalculator {

    /** One fab's observed slip. */
    public record Observation(String operator, String region, int slipMonths) {
    }

    private SlipCalculator() {
    }

    public static SlipStatistics of(List<Observation> observations) {
        return new SlipStatistics(stats(observations), grouped(observations, Observation::operator),
                grouped(observations, Observation::region));
    }

    private static Map<String, SlipStatistics.Stats> grouped(List<Observation> observations,
                                                              Function<Observation, String> key) {
        return observations.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), SlipCalculator::stats)));
    }

    static SlipStatistics.Stats stats(List<Observation> observations) {
        double[] slips = observations.stream().mapToDouble(Observation::slipMonths).sorted().toArray();
        int n = slips.length;
        if (n == 0) {
            return new SlipStatistics.Stats(0, 0, 0, 0);
        }
        double mean = round(java.util.Arrays.stream(slips).average().orElse(0));
        return new SlipStatistics.Stats(n, mean, EmpiricalQuantiles.median(slips), (int) EmpiricalQuantiles.nearestRank(slips, 0.9));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
