package io.chipbet.chaos;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./chipbet chaos}: starts a stack of its own (random ports, a private folder), runs the faults one
 * after another, each under a seeded workload, checks I1-I6 after each once the system settled, prints one
 * line per fault and ends with "N passed, M failed". Exit status 0 if all passed, 1 if any failed, 2 for a
 * command line it does not understand.
 */
public final class ChaosMain {

    static final String USAGE = "usage: ./chipbet chaos [--fault F1]... [--seed N] [--writes N] [--pace WRITES_PER_SECOND] [--list]";
    /** Kafka's clients and the services' supervisor talk a lot; the suite's own lines are what a reader needs. */
    private static final List<Logger> QUIET = new ArrayList<>();

    private ChaosMain() {
    }

    record Options(Path directory, Path project, List<Suite.Fault> faults, Long seed, int writes, double pace, boolean list) {

        static Options parse(String... args) {
            Path directory = Path.of(".chipbet/chaos");
            Path project = Path.of("");
            List<Suite.Fault> faults = new ArrayList<>();
            Long seed = null;
            int writes = 2000;
            double pace = 60;
            boolean list = false;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--dir" -> directory = Path.of(value(args, ++i, option));
                    case "--project" -> project = Path.of(value(args, ++i, option));
                    case "--fault" -> {
                        String name = value(args, ++i, option).toUpperCase(Locale.ROOT);
                        try {
                            faults.add(Suite.Fault.valueOf(name));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("no fault '" + args[i] + "' (F1 to F10; --list lists them)");
                        }
                    }
                    case "--seed" -> seed = number(value(args, ++i, option), option, 0, Long.MAX_VALUE);
                    case "--writes" -> writes = (int) number(value(args, ++i, option), option, 50, 100_000);
                    case "--pace" -> pace = number(value(args, ++i, option), option, 1, 10_000);
                    case "--list" -> list = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + option + "'");
                }
            }
            return new Options(directory.toAbsolutePath(), project.toAbsolutePath(), faults.isEmpty() ? List.of(Suite.Fault.values()) : faults,
                    seed, writes, pace, list);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length || args[index].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static long number(String text, String option, long min, long max) {
            try {
                long value = Long.parseLong(text);
                if (value < min || value > max) {
                    throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + text);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number, not '" + text + "'");
            }
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chipbet chaos: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        if (options.list()) {
            for (Suite.Fault fault : Suite.Fault.values()) {
                out.println(fault.name() + "  " + fault.description);
            }
            return;
        }
        quiet("org.apache.kafka", "io.chipbet.infra", "org.postgresql");
        long started = System.nanoTime();
        out.printf(Locale.ROOT, "Starting Kafka, PostgreSQL and the four services (java -jar, prod profile) in %s ...%n", options.directory());
        Map<Suite.Fault, Suite.Result> results = new LinkedHashMap<>();
        int exit;
        try (Stack stack = Stack.start(options.directory(), options.project()); Topics topics = new Topics(stack.bootstrapServers())) {
            out.printf(Locale.ROOT, "  ready in %.1f s (logs: %s)%n", seconds(started), options.directory().resolve("logs"));
            AuthorizationMatrix.Result authorization = AuthorizationMatrix.run(stack);
            out.println(authorization.line());
            authorization.failures.forEach(failure -> out.println("    FAILED " + failure));
            out.flush();
            BadInputCorpus.Result corpus = BadInputCorpus.run(stack, topics);
            out.println(corpus.line());
            corpus.failures.stream().limit(40).forEach(failure -> out.println("    FAILED " + failure));
            if (corpus.failures.size() > 40) {
                out.println("    ... and " + (corpus.failures.size() - 40) + " more");
            }
            out.flush();
            Suite suite = new Suite(stack, topics, options.writes(), options.pace());
            suite.ledger().addAll(corpus.acknowledged);
            for (Suite.Fault fault : options.faults()) {
                long seed = options.seed() != null ? options.seed() : fault.ordinal() + 1;
                Suite.Result result = suite.run(fault, seed);
                results.put(fault, result);
                out.println(result.line());
                for (String failure : result.failures()) {
                    out.println("    FAILED " + failure);
                }
                out.flush();
            }
            long passed = results.values().stream().filter(Suite.Result::passed).count();
            long failed = results.size() - passed;
            out.printf(Locale.ROOT, "%d passed, %d failed (%d writes acknowledged in all, %.0f s)%s%s%n", passed, failed,
                    suite.ledger().size(), seconds(started), authorization.failures.isEmpty() ? "" : "; the authorization matrix failed",
                    corpus.failures.isEmpty() ? "" : "; the bad-input corpus failed");
            exit = failed == 0 && authorization.failures.isEmpty() && corpus.failures.isEmpty() ? 0 : 1;
        } catch (RuntimeException | java.sql.SQLException e) {
            out.println("The fault suite could not run: " + e);
            e.printStackTrace(out);
            exit = 1;
        }
        System.exit(exit);
    }

    private static double seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toMillis() / 1000.0;
    }

    private static void quiet(String... names) {
        for (String name : names) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.SEVERE);
            QUIET.add(logger);
        }
    }
}
