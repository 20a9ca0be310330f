package io.chipbet.platform.problem;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.hibernate.HibernateException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are the database being away (503), and which are not (WritesTest stops a real server for the first). */
class DatabaseOutageTest {

    @Test
    void connectionAndPoolFailuresAreAnOutageWhereverTheyAreInTheChain() {
        assertTrue(DatabaseOutage.isCause(new ConnectException("Connection refused")));
        assertTrue(DatabaseOutage.isCause(new ConnectTimeoutException("connection timed out")));
        assertTrue(DatabaseOutage.isCause(new CompletionException(new HibernateException(ClosedConnectionException.INSTANCE))));
        assertTrue(DatabaseOutage.isCause(new VertxException("Pool closed", true)));
        assertTrue(DatabaseOutage.isCause(new VertxException("Timeout waiting for connection", true)));
        assertTrue(DatabaseOutage.isCause(new RuntimeException(new NoStackTraceThrowable("Timeout"))));
        assertTrue(DatabaseOutage.isCause(pg("57P01", "terminating connection due to administrator command")));
        assertTrue(DatabaseOutage.isCause(pg("57P03", "the database system is starting up")));
        assertTrue(DatabaseOutage.isCause(pg("53100", "could not extend file: No space left on device")));
        assertTrue(DatabaseOutage.isCause(pg("25006", "cannot execute INSERT in a read-only transaction")));
    }

    /**
     * Hibernate Reactive reports a statement's failure as a JDBC exception around a java.sql.SQLException that
     * carries the state: a server that refuses writes answered 500 so (found by the fault suite, F10).
     */
    @Test
    void theSameStatesAreAnOutageAsHibernateReportsThem() {
        assertTrue(DatabaseOutage.isCause(jdbc("25006", "cannot execute nextval() in a read-only transaction")));
        assertTrue(DatabaseOutage.isCause(new CompletionException(jdbc("25006", "cannot execute SELECT FOR NO KEY UPDATE in a read-only transaction"))));
        assertTrue(DatabaseOutage.isCause(jdbc("53100", "could not extend file: No space left on device")));
        assertTrue(DatabaseOutage.isCause(jdbc("57P01", "terminating connection due to administrator command")));
        assertFalse(DatabaseOutage.isCause(jdbc("23505", "duplicate key value violates unique constraint")));
    }

    /**
     * PostgreSQL stopped with -m immediate resets the connections a statement is reading: netty hands the reset
     * on as a bare SocketException, which answered 500 (found by the fault suite, F7): the client was told the
     * write failed, not that the database was away and a retry with its Idempotency-Key would land it.
     */
    @Test
    void aConnectionResetUnderAStatementIsAnOutage() {
        assertTrue(DatabaseOutage.isCause(new SocketException("Connection reset")));
        // As NIO reads it (found by the fault suite, F7: a create answered 500).
        assertTrue(DatabaseOutage.isCause(new java.io.IOException("Connection reset by peer")));
        assertTrue(DatabaseOutage.isCause(new CompletionException(new java.io.IOException("Broken pipe"))));
        assertFalse(DatabaseOutage.isCause(new java.io.IOException("Stream closed")));
        assertTrue(DatabaseOutage.isCause(new CompletionException(new SocketException("Broken pipe"))));
        assertTrue(DatabaseOutage.isCause(new HibernateException(new SocketException("Connection reset by peer"))));
    }

    @Test
    void whatARetryCannotFixIsNoOutage() {
        assertFalse(DatabaseOutage.isCause(pg("23505", "duplicate key value violates unique constraint")));
        assertFalse(DatabaseOutage.isCause(pg("22021", "invalid byte sequence for encoding \"UTF8\": 0x00")));
        assertFalse(DatabaseOutage.isCause(new IllegalStateException("a bug")));
        assertFalse(DatabaseOutage.isCause(new VertxException("Something else", true)));
    }

    private static GenericJDBCException jdbc(String state, String message) {
        return new GenericJDBCException("error executing SQL statement", new SQLException("ERROR: " + message + " (" + state + ")", state));
    }

    private static PgException pg(String state, String message) {
        return new PgException(message, "FATAL", state, null);
    }
}
