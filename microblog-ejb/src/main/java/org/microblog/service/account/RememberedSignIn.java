package org.microblog.service.account;

import java.util.Objects;
import java.util.Optional;

/**
 * A sign-in from a "remember me" cookie: who it signs in, and the cookie value that replaces the one used
 * (empty when the cookie had been replaced moments ago by a parallel request, which sent the new one).
 */
public record RememberedSignIn(long userId, Optional<String> replacement) {

    public RememberedSignIn {
        Objects.requireNonNull(replacement, "replacement");
    }
}
