package io.chipbet.platform.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP load generator of the benchmarks: wrk (Debian's), at a fixed concurrency, with its latency distribution. */
public final class Wrk {

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    /** Longer than wrk's 2 s default: a slow answer must count as slow, not vanish as a timeout. */
    private static final String TIMEOUT = "30s";

    private Wrk() {
    }

    /** Requests a second and the p50 and p99 latencies of one wrk run. */
    public record Result(double requestsPerSecond, double p50Millis, double p99Millis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f", requestsPerSecond);
        }
    }

    /** {@code wrk -t2 -c<connections> -d<seconds>s --latency url}, with {@code script} (a Lua file) when not null. */
    public static Result run(String url, int seconds, int connections, Path script) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", TIMEOUT, "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // Requests without an answer (Socket errors: connect, read, write, timeout) are failures, as Non-2xx ones are.
        if (wrk.waitFor() != 0 || output.contains("Non-2xx") || output.contains("Socket errors")) {
            throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
        }
        Matcher rps = REQUESTS_PER_SECOND.matcher(output);
        if (!rps.find()) {
            throw new IllegalStateException("Unexpected wrk output:\n" + output);
        }
        return new Result(Double.parseDouble(rps.group(1)), percentile(output, "50%"), percentile(output, "99%"));
    }

    private static double percentile(String output, String label) {
        Matcher matcher = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + label + " latency in wrk's output:\n" + output);
        }
        double latency = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> latency / 1000;
            case "s" -> latency * 1000;
            default -> latency;
        };
    }
}
