package io.chipbet.infra.load;

import io.chipbet.infra.security.LocalKeys;
import io.chipbet.infra.security.Tokens;
import io.chipbet.infra.services.LocalServices;

import java.nio.file.Path;
import java.util.Map;

/** {@code ./chipbet load FILE}: loads a data file into a running local chipbet. */
public final class LoadMain {

    /** The local run's services by short name (funding, fab, talent, projection), on their fixed ports. */
    public static final Map<String, String> LOCAL_SERVICES = LocalServices.localBaseUrls();

    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ./chipbet load FILE");
            System.exit(2);
        }
        String token = new Tokens(LocalKeys.in(Path.of(".chipbet", "keys"))).editor();
        ReferenceLoader.Result result = new ReferenceLoader(token, LOCAL_SERVICES)
                .load(Path.of(args[0]), line -> System.out.println("  loaded " + line));
        System.out.printf("%d sent, %d already there%n", result.sent(), result.alreadyThere());
        System.out.println(ScoreSummary.await(LOCAL_SERVICES.get("projection")));
    }
}
