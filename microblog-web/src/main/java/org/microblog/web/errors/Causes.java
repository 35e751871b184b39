package org.microblog.web.errors;

import java.util.Optional;
import java.util.function.Predicate;

/** The exception or one of its causes, as the error handling classifies failures (a forgery, an outage). */
final class Causes {

    /** Enough for any real chain; stops at a cause that refers back to itself. */
    private static final int MAX_DEPTH = 32;

    private Causes() {}

    /** The first of {@code failure} and its causes that matches; empty for anything that is no Throwable. */
    static Optional<Throwable> find(Object failure, Predicate<Throwable> matches) {
        Throwable cause = failure instanceof Throwable thrown ? thrown : null;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (matches.test(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }
}
