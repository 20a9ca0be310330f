package io.chipbet.platform.problem;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import org.hibernate.exception.JDBCConnectionException;

import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure of the database, which a retry later may not meet, from a failure of the request.
 * Such a failure answers 503 with Retry-After: nothing the request wrote was committed, unless the
 * commit itself was lost on the way back, which a retry with the same Idempotency-Key resolves.
 */
final class DatabaseOutage {

    /** What the Vert.x clients say, without a type of their own, when the server or the pool is away. */
    private static final Set<String> VERTX_MESSAGES = Set.of("Connection was closed", "Pool closed", "Timeout",
            "Timeout waiting for connection");

    /** Netty's epoll and kqueue transports report a reset connection as this IOException. */
    private static final String NATIVE_IO = "io.netty.channel.unix.Errors$NativeIoException";

    private DatabaseOutage() {
    }

    static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            // A write's only sockets are its database's: a connection refused, reset or broken under a statement
            // (a server stopped with -m immediate resets them) is the database away. NIO says SocketException,
            // the native transports their own IOException.
            if (cause instanceof SocketException || cause.getClass().getName().equals(NATIVE_IO)
                    || cause instanceof ClosedConnectionException
                    || cause instanceof ClosedChannelException || cause instanceof TimeoutException
                    || cause instanceof JDBCConnectionException) {
                return true;
            }
            // NIO's own read reports a reset as a bare IOException ("Connection reset by peer"), no SocketException.
            if (cause.getClass() == IOException.class && cause.getMessage() != null
                    && (cause.getMessage().startsWith("Connection reset") || cause.getMessage().startsWith("Broken pipe"))) {
                return true;
            }
            if (cause instanceof DatabaseException database && unavailable(database.getSqlState())) {
                return true;
            }
            // Hibernate Reactive hands a statement's failure on as a JDBC exception around an SQLException with the state.
            if (cause instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return true;
            }
            if (cause.getClass().getName().startsWith("io.vertx.") && VERTX_MESSAGES.contains(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes 08 (connection exception) and 53 (insufficient resources: disk full, out of
     * memory, too many connections), the shutdown states of 57P, and a server that refuses writes (25006).
     */
    private static boolean unavailable(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("25006"));
    }
}
