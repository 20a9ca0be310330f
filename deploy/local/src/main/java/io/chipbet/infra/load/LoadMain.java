package io.chipbet.infra.load;

import io.chipbet.infra.security.LocalKeys;
import io.chipbet.infra.security.Tokens;
import io.chipbet.infra.services.LocalServices;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code ./chipbet load [--dir DIR] FILE}: loads a data file into a running local chipbet. */
public final class LoadMain {

    /** The local run's services by short name (funding, fab, talent, projection), on their fixed ports. */
    public static final Map<String, String> LOCAL_SERVICES = LocalServices.localBaseUrls();
    private static final String USAGE = "usage: ./chipbet load FILE";

    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(".chipbet");
        Path file = null;
        List<String> arguments = List.of(args);
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--dir") && i + 1 < arguments.size()) {
                directory = Path.of(arguments.get(++i));
            } else if (argument.startsWith("-") || file != null) {
                System.err.println("chipbet load: unexpected argument '" + argument + "'\n" + USAGE);
                System.exit(2);
            } else {
                file = Path.of(argument);
            }
        }
        if (file == null) {
            System.err.println(USAGE);
            System.exit(2);
        }
        if (!Files.isReadable(file)) {
            System.err.println("chipbet load: cannot read " + file);
            System.exit(1);
        }
        String token = new Tokens(LocalKeys.in(directory.resolve("keys"))).editor();
        try {
            run(file, token, LOCAL_SERVICES, System.out, System.console() != null);
        } catch (IllegalStateException e) {
            System.err.println("chipbet load: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Loads {@code file} and prints its progress, the totals and then the settled score. */
    public static ReferenceLoader.Result run(Path file, String token, Map<String, String> services, PrintStream out,
                                             boolean terminal) throws Exception {
        int total = ReferenceLoader.count(file);
        out.println("Loading " + file + " through the services' APIs (" + total + " facts) ...");
        long started = System.nanoTime();
        ReferenceLoader.Result result = new ReferenceLoader(token, services).load(file, new LoadProgress(out, terminal));
        out.printf(Locale.ROOT, "  %d of %d facts: %d sent, %d already there, in %s%n", result.sent() + result.alreadyThere(),
                total, result.sent(), result.alreadyThere(), seconds(System.nanoTime() - started));
        out.println("Waiting for the projection to catch up ...");
        long waiting = System.nanoTime();
        String score = ScoreSummary.await(services.get("projection"));
        out.println("  caught up in " + seconds(System.nanoTime() - waiting));
        out.println();
        out.println(score);
        out.flush();
        return result;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", Duration.ofNanos(nanos).toMillis() / 1000.0);
    }
}
