package org.microblog.web.errors;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Whether a failure means that the database cannot be reached right now (refused or lost connection, a server
 * shutting down or starting up), not a bug and not a bad request. A request that meets one is answered 503
 * "try again in a moment" with one log line, never a 500 page with a stack trace.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    /** The cause that makes {@code failure} an outage, if it is one. */
    public static Optional<Throwable> cause(Throwable failure) {
        return Causes.find(
                failure,
                cause -> cause instanceof SQLTransientConnectionException
                        || cause instanceof SQLNonTransientConnectionException
                        || cause instanceof SQLException sql && isConnectionState(sql.getSQLState()));
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
