package io.chipbet.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipbet.platform.calculation.EmpiricalQuantiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one recorder of every benchmark's figures (./chipbet bench): each figure's rounds, its same-run baseline's rounds,
 * and its goal, appended to {@code target/bench/results.json} (or the file {@code -Dbench.results} names), and the whole
 * file's table rewritten beside it as {@code results.txt}. Benchmarks in several JVMs and modules append to the same file.
 * It records; it never asserts a speed.
 */
public final class BenchResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchResults() {
    }

    /** What a figure is held to: its median ({@code VALUE}) or its ratio to the baseline's median ({@code RATIO}). */
    public record Goal(String of, String comparison, double bound) {
        public static Goal none() {
            return new Goal("none", "", 0);
        }

        public static Goal valueAtMost(double bound) {
            return new Goal("value", "<=", bound);
        }

        public static Goal valueAtLeast(double bound) {
            return new Goal("value", ">=", bound);
        }

        public static Goal ratioAtLeast(double bound) {
            return new Goal("ratio", ">=", bound);
        }

        public static Goal ratioAtMost(double bound) {
            return new Goal("ratio", "<=", bound);
        }

        Boolean met(double value, Double ratio) {
            Double actual = switch (of) {
                case "value" -> value;
                case "ratio" -> ratio;
                default -> null;
            };
            if (actual == null) {
                return null;
            }
            return ">=".equals(comparison) ? actual >= bound : actual <= bound;
        }

        String text(String unit) {
            return switch (of) {
                case "value" -> comparison + " " + number(bound) + " " + unit;
                case "ratio" -> comparison + " " + number(bound) + " x";
                default -> "";
            };
        }
    }

    /** A figure without a baseline (a footprint, a latency of its own). */
    public static void record(String benchmark, String figure, String unit, List<Double> rounds, Goal goal) {
        record(benchmark, figure, unit, rounds, null, List.of(), goal);
    }

    /**
     * Records one figure: {@code rounds} measured, {@code baselineRounds} of {@code baseline} measured in the same run
     * (alternating with them), the ratio of their medians, and whether the goal was met.
     */
    public static synchronized void record(String benchmark, String figure, String unit, List<Double> rounds, String baseline,
                                           List<Double> baselineRounds, Goal goal) {
        double median = median(rounds);
        Double baselineMedian = baselineRounds.isEmpty() ? null : median(baselineRounds);
        Double ratio = baselineMedian == null || baselineMedian == 0 ? null : median / baselineMedian;
        ObjectNode row = JSON.createObjectNode();
        row.put("benchmark", benchmark);
        row.put("figure", figure);
        row.put("unit", unit);
        row.put("median", median);
        row.put("min", rounds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
        row.put("max", rounds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        row.set("rounds", JSON.valueToTree(rounds));
        row.put("baseline", baseline);
        if (baselineMedian != null) {
            row.put("baselineMedian", baselineMedian);
            row.set("baselineRounds", JSON.valueToTree(baselineRounds));
        }
        if (ratio != null) {
            row.put("ratio", ratio);
        }
        row.put("goal", goal.text(unit));
        Boolean met = goal.met(median, ratio);
        if (met != null) {
            row.put("met", met);
        }
        row.put("cores", Runtime.getRuntime().availableProcessors());
        append(row);
        System.out.printf(Locale.ROOT, "BENCH  %s%n", line(row));
    }

    public static double median(List<Double> values) {
        return EmpiricalQuantiles.median(values.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    /** The file the rows go to: {@code -Dbench.results}, else {@code target/bench/results.json} of the module. */
    public static Path file() {
        return Path.of(System.getProperty("bench.results", "target/bench/results.json")).toAbsolutePath();
    }

    private static void append(ObjectNode row) {
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            // Locked: two modules' test JVMs may append at once.
            try (FileChannel lock = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = lock.lock()) {
                ArrayNode rows = Files.exists(file) && Files.size(file) > 0
                        ? (ArrayNode) JSON.readTree(file.toFile()).get("rows") : JSON.createArrayNode();
                rows.add(row);
                ObjectNode all = JSON.createObjectNode();
                all.set("rows", rows);
                Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all), StandardCharsets.UTF_8);
                Files.writeString(file.resolveSibling("results.txt"), table(rows), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record a benchmark figure in " + file, e);
        }
    }

    /** One table of every row: figure, measured (the rounds' median), baseline (its median), ratio, goal, and the rounds' min-max. */
    static String table(ArrayNode rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"figure", "measured (median)", "baseline (median)", "ratio", "goal", "met", "min-max", "n"});
        for (JsonNode row : rows) {
            String unit = row.get("unit").asText();
            cells.add(new String[] {
                    row.get("figure").asText(),
                    number(row.get("median").asDouble()) + " " + unit,
                    row.hasNonNull("baselineMedian") ? number(row.get("baselineMedian").asDouble()) + " " + unit + " (" + row.get("baseline").asText() + ")" : "-",
                    row.hasNonNull("ratio") ? String.format(Locale.ROOT, "%.2f x", row.get("ratio").asDouble()) : "-",
                    row.get("goal").asText().isEmpty() ? "-" : row.get("goal").asText(),
                    row.has("met") ? (row.get("met").asBoolean() ? "yes" : "NO") : "-",
                    number(row.get("min").asDouble()) + "-" + number(row.get("max").asDouble()),
                    String.valueOf(row.get("rounds").size())});
        }
        int[] widths = new int[cells.get(0).length];
        cells.forEach(line -> {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        });
        StringBuilder table = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(i == 0 ? "" : "  ").append(i == 0 || i == 4 ? pad(line[i], widths[i]) : padLeft(line[i], widths[i]));
            }
            table.append(text.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    private static String line(JsonNode row) {
        ArrayNode one = JSON.createArrayNode();
        one.add(row);
        return table(one).lines().skip(1).findFirst().orElse("");
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }

    /** About three significant digits, thousands separators for large numbers. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 0.1 || magnitude == 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.2g", value); // a JMH figure of microseconds, in ms
    }
}
