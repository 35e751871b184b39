package org.microblog.service.schema;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Whether a failure means that the database cannot be reached right now (refused or lost connection, a server
 * shutting down or starting up), not a bug and not a bad request. A request that meets one is answered 503
 * "try again in a moment" with one log line, never a 500 page with a stack trace (web.errors); a background sweep
 * that meets one leaves the telling to that log (service.housekeeping).
 */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    /** Enough for any real chain of causes; stops at a cause that refers back to itself. */
    private static final int MAX_DEPTH = 32;

    /** The cause that makes {@code failure} an outage, if it is one; empty for anything that is no Throwable. */
    public static Optional<Throwable> cause(Object failure) {
        Throwable cause = failure instanceof Throwable thrown ? thrown : null;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    /**
     * What kind of outage {@code cause} is, for the log: its SQLSTATE ("SQLSTATE 08001", refused; "08006", lost;
     * "57P01", shutting down), else its class.
     */
    public static String kind(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null
                ? "SQLSTATE " + sql.getSQLState()
                : cause.getClass().getSimpleName();
    }

    /** SQLSTATE class 08, connection exception; PostgreSQL's 57P01 to 57P03, shutting down or starting up. */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
