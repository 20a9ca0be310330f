package io.chipbet.infra.load;

import io.chipbet.infra.security.LocalKeys;
import io.chipbet.infra.security.Tokens;

import java.nio.file.Path;
import java.util.Map;

/** {@code ./chipbet load FILE}: loads a data file into a running local chipbet. */
public final class LoadMain {

    public static final Map<String, String> LOCAL_SERVICES = Map.of(
            "funding", "http://127.0.0.1:8081", "fab", "http://127.0.0.1:8082",
            "talent", "http://127.0.0.1:8083", "projection", "http://127.0.0.1:8080");

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
