package io.chipbet.fab.fab;

import io.chipbet.platform.contract.fab.FabStatus;

import static io.chipbet.platform.contract.fab.FabStatus.CANCELLED;
import static io.chipbet.platform.contract.fab.FabStatus.PAUSED;
import static io.chipbet.platform.contract.fab.FabStatus.VOLUME_PRODUCTION;

/**
 * {@code ANNOUNCED → PERMITTING → UNDER_CONSTRUCTION → TOOL_INSTALL → RISK_PRODUCTION →
 * VOLUME_PRODUCTION}, forward only, skipping allowed. A fab not yet in volume production may be
 * {@code PAUSED} and may leave the pause for the stage it was paused at or a later one.
 * {@code CANCELLED} is reachable from any stage before volume production and is final, as is
 * {@code VOLUME_PRODUCTION}.
 */
public final class FabLifecycle {

    private FabLifecycle() {
    }

    public static boolean isFinal(FabStatus status) {
        return status == VOLUME_PRODUCTION || status == CANCELLED;
    }

    public static boolean canMove(FabStatus from, FabStatus pausedFrom, FabStatus to) {
        if (isFinal(from) || from == to) {
            return false;
        }
        if (to == CANCELLED) {
            return true;
        }
        if (from == PAUSED) {
            return to.isStage() && to.ordinal() >= pausedFrom.ordinal();
        }
        return to == PAUSED || to.ordinal() > from.ordinal();
    }

    public static String whyNot(FabStatus from, FabStatus pausedFrom, FabStatus to) {
        if (isFinal(from)) {
            return "The fab is " + from + ", which is final";
        }
        if (from == to) {
            return "The fab is " + from + " already";
        }
        if (from == PAUSED) {
            return "A paused fab resumes at " + pausedFrom + " or a later stage, not " + to;
        }
        return "A fab cannot go back from " + from + " to " + to + "; stages only move forward";
    }
}
