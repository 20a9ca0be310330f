package io.chipbet.infra.load;

import java.io.PrintStream;

/**
 * Prints a load as it happens: one line per kind with what was sent and what was there already, and,
 * on a terminal, a counter that moves with every fact in between.
 */
final class LoadProgress implements ReferenceLoader.Progress {

    private final PrintStream out;
    private final boolean terminal;
    private boolean counterShown;

    LoadProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void fact(int done, int total, boolean sent) {
        if (terminal) {
            out.print("\r  " + done + " of " + total + " facts ...");
            out.flush();
            counterShown = true;
        }
    }

    @Override
    public void kind(String kind, int sent, int alreadyThere, int done, int total) {
        if (counterShown) {
            out.print("\r\033[K");
            counterShown = false;
        }
        out.println("  " + ReferenceLoader.describe(kind, sent, alreadyThere, done, total));
        out.flush();
    }
}
