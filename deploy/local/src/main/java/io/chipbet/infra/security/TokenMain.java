package io.chipbet.infra.security;

import java.nio.file.Path;

/** {@code ./chipbet token [user] [role...]}: prints a bearer token for the local run (editor by default). */
public final class TokenMain {

    private TokenMain() {
    }

    public static void main(String[] args) {
        Tokens tokens = new Tokens(LocalKeys.in(Path.of(".chipbet", "keys")));
        if (args.length == 0) {
            System.out.println(tokens.editor());
        } else {
            String[] roles = java.util.Arrays.copyOfRange(args, 1, args.length);
            System.out.println(tokens.withRoles(args[0], roles));
        }
    }
}
