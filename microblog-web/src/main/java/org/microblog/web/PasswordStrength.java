package org.microblog.web;

import java.util.Locale;

/** The one rule beyond length that a new password must meet, on registration and on a password change. */
public final class PasswordStrength {

    private PasswordStrength() {}

    /**
     * A password that contains the username, equals the email, or has fewer than four different characters
     * is too easy to guess.
     */
    public static boolean isWeak(String password, String username, String email) {
        String lower = password.toLowerCase(Locale.ROOT);
        return lower.contains(username.strip().toLowerCase(Locale.ROOT))
                || lower.equals(email.strip().toLowerCase(Locale.ROOT))
                || password.chars().distinct().count() < 4;
    }
}
