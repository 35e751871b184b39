package org.microblog.domain.user;

import java.util.Locale;

/**
 * What Microblog accepts as a new password, in one place: {@link NewPassword} applies the rules that need only the
 * password as a Bean Validation constraint; {@link #givesAway} is the rule that needs the account too, which
 * AccountService and the pages apply. Only a new password is checked: one chosen under older rules still signs in.
 */
public final class PasswordRules {

    /** The fewest characters a password has. */
    public static final int MIN_LENGTH = 8;

    /** The most characters a password has: enough for a passphrase, and a bound on the hashing work. */
    public static final int MAX_LENGTH = 128;

    /** The fewest different characters a password has: "aaaabbbb" is too easy to guess. */
    public static final int DIFFERENT_CHARACTERS_MIN = 4;

    private PasswordRules() {}

    /**
     * Whether {@code password} has at least {@value #DIFFERENT_CHARACTERS_MIN} different characters, counted as
     * UTF-16 units (as the rule has always counted them: the two halves of an emoji are two).
     */
    public static boolean hasEnoughDifferentCharacters(CharSequence password) {
        return password.chars().distinct().limit(DIFFERENT_CHARACTERS_MIN).count() >= DIFFERENT_CHARACTERS_MIN;
    }

    /**
     * Whether {@code password} gives the account away: it contains the {@code username} or is the {@code email},
     * without regard to case or the white space around them. A null or blank email is no email.
     */
    public static boolean givesAway(String password, String username, String email) {
        String lower = password.toLowerCase(Locale.ROOT);
        return lower.contains(username.strip().toLowerCase(Locale.ROOT))
                || email != null
                        && !email.isBlank()
                        && lower.equals(email.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code password} is too easy to guess for the account with this username and email: it {@linkplain
     * #givesAway gives the account away} or has too few {@linkplain #hasEnoughDifferentCharacters different
     * characters}.
     */
    public static boolean isWeak(String password, String username, String email) {
        return givesAway(password, username, email) || !hasEnoughDifferentCharacters(password);
    }
}
