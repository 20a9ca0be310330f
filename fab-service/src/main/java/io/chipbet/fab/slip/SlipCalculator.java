package io.chipbet.fab.slip;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Count, mean, median and p90 of slips in months: plain arithmetic, kept apart so it is easy to check. */
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
        int[] slips = observations.stream().mapToInt(Observation::slipMonths).sorted().toArray();
        int n = slips.length;
        if (n == 0) {
            return new SlipStatistics.Stats(0, 0, 0, 0);
        }
        double mean = round(java.util.Arrays.stream(slips).average().orElse(0));
        double median = n % 2 == 1 ? slips[n / 2] : (slips[n / 2 - 1] + slips[n / 2]) / 2.0;
        int p90 = slips[(int) Math.ceil(0.9 * n) - 1];
        return new SlipStatistics.Stats(n, mean, median, p90);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
