package io.chipbet.platform.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The guard of every method that must run inside its caller's transaction (the outbox, the journal,
 * idempotency keys, the projection's store): called outside one, it fails at once instead of writing
 * half a change.
 */
public final class Transactions {

    private Transactions() {
    }

    /**
     * The current session, if a transaction is open on it.
     *
     * @param what the method that needs the transaction, for the message, e.g. {@code "Outbox.append"}
     * @throws IllegalStateException (as the Uni's failure) when there is no session, or no transaction on it
     */
    public static Uni<Mutiny.Session> required(String what) {
        return Uni.createFrom().deferred(Panache::getSession)
                .onFailure(failure -> !(failure instanceof NoTransaction))
                .transform(failure -> new NoTransaction(what, "there is no session: " + failure.getMessage()))
                .map(session -> {
                    if (session.currentTransaction() == null) {
                        throw new NoTransaction(what, "its session has no transaction open");
                    }
                    return session;
                });
    }

    /** A method that needs its caller's transaction was called without one: a programming error. */
    public static final class NoTransaction extends IllegalStateException {
        NoTransaction(String what, String why) {
            super(what + " must run inside its caller's transaction, and " + why);
        }
    }
}
