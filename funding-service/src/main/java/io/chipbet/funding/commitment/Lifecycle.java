package io.chipbet.funding.commitment;

import io.chipbet.platform.contract.funding.CommitmentStatus;

import java.util.EnumSet;
import java.util.Set;

import static io.chipbet.platform.contract.funding.CommitmentStatus.DISBURSED;
import static io.chipbet.platform.contract.funding.CommitmentStatus.WITHDRAWN;

/**
 * The commitment lifecycle: {@code RUMORED → DISCUSSED → PLEDGED → COMMITTED → DISBURSED}, skipping
 * forward allowed; {@code WITHDRAWN} from any state that is not final. {@code DISBURSED} and
 * {@code WITHDRAWN} are final: money paid cannot be withdrawn. A further disbursement is a move from
 * {@code DISBURSED} to {@code DISBURSED} with a larger {@code disbursedUsd}.
 */
public final class Lifecycle {

    private static final Set<CommitmentStatus> FINAL = EnumSet.of(DISBURSED, WITHDRAWN);

    private Lifecycle() {
    }

    public static boolean isFinal(CommitmentStatus status) {
        return FINAL.contains(status);
    }

    public static boolean canMove(CommitmentStatus from, CommitmentStatus to) {
        if (from == DISBURSED && to == DISBURSED) {
            return true;
        }
        if (isFinal(from)) {
            return false;
        }
        return to == WITHDRAWN || to.ordinal() > from.ordinal();
    }

    /** Why a move is illegal, in words a client can act on. */
    public static String whyNot(CommitmentStatus from, CommitmentStatus to) {
        if (from == WITHDRAWN) {
            return "The commitment was withdrawn; WITHDRAWN is final";
        }
        if (from == DISBURSED) {
            return "The commitment is DISBURSED, which is final: only a further disbursement (DISBURSED with a larger disbursedUsd) may follow";
        }
        if (from == to) {
            return "The commitment is " + from + " already";
        }
        return "A commitment cannot go back from " + from + " to " + to + "; statuses only move forward";
    }
}
