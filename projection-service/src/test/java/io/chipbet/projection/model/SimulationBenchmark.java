package io.chipbet.projection.model;

import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.platform.testing.BenchResults;
import io.chipbet.platform.testing.BenchResults.Goal;
import io.chipbet.projection.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Monte Carlo's cost: 10,000 samples over 250 fabs, 500 commitments and 40 talent pools (goal:
 * at most 50 ms on these machines), beside the median-input path the ingest side evaluates per event.
 * Not part of the suite; run it with
 * {@code ./mvnw -pl projection-service -am verify -Dtest=SimulationBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints its figures (JMH's, then a summary line); it asserts nothing about speed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx512m"}) // not the host JVM's options: --quick runs the tests at C1 only
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SimulationBenchmark {

    private FeasibilityModel model;
    private Prepared prepared;

    @Setup(Level.Trial)
    public void record() {
        model = TestModels.model(Map.of("chipbet.model.simulation.samples.value", "10000"));
        Random random = new Random(42);
        String[] regions = {"US", "TW", "KR", "JP"};
        for (int i = 0; i < 250; i++) {
            model.put(FeasibilityModelTest.fab(UUID.randomUUID(), regions[i % 4], 10 + random.nextInt(100),
                    LocalDate.of(2024 + random.nextInt(8), 1 + random.nextInt(12), 28), random.nextInt(36)));
        }
        for (int i = 0; i < 500; i++) {
            model.put(Events.commitment(UUID.randomUUID(), "Investor " + i, String.valueOf(1 + random.nextInt(1000)),
                    Purpose.values()[random.nextInt(3)], CommitmentStatus.values()[random.nextInt(5)], "0", 1));
        }
        for (int i = 0; i < 40; i++) {
            model.put(Events.pool(UUID.randomUUID(), 1000 + random.nextInt(1000), random.nextInt(200), 2024, 1));
        }
        prepared = model.prepare(LocalDate.of(2026, 1, 1), true);
    }

    @Benchmark
    public Outlook monteCarlo() {
        return model.simulate(prepared);
    }

    @Benchmark
    public Point medianInputPath() {
        return FeasibilityModel.central(prepared);
    }

    @Test
    @EnabledIfSystemProperty(named = "bench", matches = "true")
    void run() throws Exception {
        // -Dbench.rounds: JMH's measured iterations (./chipbet bench --quick asks for fewer).
        int iterations = Integer.getInteger("bench.rounds", 5);
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(SimulationBenchmark.class.getName() + ".")
                .measurementIterations(Math.max(iterations, 1)).warmupIterations(Math.min(3, Math.max(iterations, 1))).build()).run();
        Map<String, List<Double>> perCall = new HashMap<>();
        System.out.printf(Locale.ROOT, "%nSIMULATION BENCHMARK  250 fabs, 500 commitments, 40 pools, on %d cores%n",
                Runtime.getRuntime().availableProcessors());
        for (RunResult result : results) {
            System.out.printf(Locale.ROOT, "  %-18s %10.4f ms per call (JMH average, %d iterations; error %.4f)%n",
                    result.getParams().getBenchmark().replaceAll(".*\\.", ""), result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getStatistics().getN(), result.getPrimaryResult().getScoreError());
            List<Double> iterationScores = new ArrayList<>();
            result.getBenchmarkResults().forEach(benchmark -> benchmark.getIterationResults()
                    .forEach(iteration -> iterationScores.add(iteration.getPrimaryResult().getScore())));
            perCall.put(result.getParams().getBenchmark().replaceAll(".*\\.", ""), iterationScores);
        }
        BenchResults.record("simulation", "Monte Carlo, 10,000 samples", "ms", perCall.get("monteCarlo"), "median-input path",
                perCall.get("medianInputPath"), Goal.valueAtMost(50));
    }
}
