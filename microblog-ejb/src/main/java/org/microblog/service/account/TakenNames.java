package org.microblog.service.account;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.microblog.service.MicroblogException;

/**
 * Tells a write that lost a race for a username or an email apart from any other database failure, and
 * turns it into the refusal that the check before the write gives: the check cannot see a registration or
 * rename that another transaction has not committed yet, but the unique constraints of migration V9 can.
 * Derby and PostgreSQL both report their violation with SQLState {@value #UNIQUE_VIOLATION} and the name of
 * the constraint in the message (Derby in upper case). Part of {@link AccountService}.
 */
final class TakenNames {

    static final String USERNAME_CONSTRAINT = "uq_users_username_key";
    static final String EMAIL_CONSTRAINT = "uq_users_email_key";
    private static final String UNIQUE_VIOLATION = "23505";

    private TakenNames() {}

    /**
     * The refusal for {@code failure} if it is a violation of the username's or the email's unique
     * constraint, the username refusal naming {@code username}; empty for any other failure.
     */
    static Optional<MicroblogException> refusalFor(Throwable failure, String username) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    Optional<MicroblogException> refusal = refusalFor(e, username);
                    if (refusal.isPresent()) {
                        return refusal;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<MicroblogException> refusalFor(SQLException e, String username) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || e.getMessage() == null) {
            return Optional.empty();
        }
        String message = e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains(USERNAME_CONSTRAINT)) {
            return Optional.of(new UsernameTakenException(username));
        }
        if (message.contains(EMAIL_CONSTRAINT)) {
            return Optional.of(new EmailTakenException());
        }
        return Optional.empty();
    }
}
