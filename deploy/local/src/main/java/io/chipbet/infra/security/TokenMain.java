package io.chipbet.infra.security;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./chipbet token [--user NAME] [--role ROLE]... [--ttl DURATION] [--dir DIR]}: prints a bearer token
 * for the local run, signed by its key pair: by default for {@code editor-user}, with the editor role, valid
 * for an hour. Anything else on the command line is refused with exit status 2, never taken as a name.
 */
public final class TokenMain {

    static final String USAGE = "usage: ./chipbet token [--user NAME] [--role ROLE]... [--ttl DURATION]";
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([smhd]?)");
    private static final Duration MAX_TTL = Duration.ofDays(366);

    private TokenMain() {
    }

    /** The parsed command line. */
    record Request(Path directory, String user, List<String> roles, Duration ttl) {
    }

    public static void main(String[] args) {
        Request request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chipbet token: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        Tokens tokens = new Tokens(LocalKeys.in(request.directory().resolve("keys")));
        System.out.println(tokens.withRoles(request.user(), request.ttl(), request.roles().toArray(String[]::new)));
    }

    static Request parse(String... args) {
        Path directory = Path.of(".chipbet");
        String user = "editor-user";
        List<String> roles = new ArrayList<>();
        Duration ttl = Duration.ofHours(1);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = null;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            }
            if (!List.of("--user", "--role", "--ttl", "--dir").contains(option)) {
                throw new IllegalArgumentException(option.startsWith("-") ? "unknown option '" + option + "'"
                        : "unexpected argument '" + option + "' (give the user with --user)");
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                value = args[++i];
            }
            if (value.isBlank() || value.startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            switch (option) {
                case "--user" -> user = value;
                case "--role" -> {
                    if (!roles.contains(value)) {
                        roles.add(value);
                    }
                }
                case "--ttl" -> ttl = duration(value);
                default -> directory = Path.of(value);
            }
        }
        return new Request(directory, user, roles.isEmpty() ? List.of("editor") : List.copyOf(roles), ttl);
    }

    /** {@code 90s}, {@code 30m}, {@code 2h}, {@code 7d}, plain seconds, or ISO-8601 such as {@code PT1H30M}. */
    static Duration duration(String text) {
        Duration ttl;
        Matcher matcher = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            ttl = switch (matcher.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
        } else {
            try {
                ttl = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--ttl '" + text + "' is no duration (try 90s, 30m, 2h, 7d or PT1H)");
            }
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("--ttl must be more than 0 and at most 366 days, not '" + text + "'");
        }
        return ttl;
    }
}
