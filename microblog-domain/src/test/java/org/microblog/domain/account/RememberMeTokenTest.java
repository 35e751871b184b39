package org.microblog.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.microblog.domain.account.RememberMeToken.Standing;

class RememberMeTokenTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private static RememberMeToken token() {
        return new RememberMeToken(7, "selector", "the-secret-validator", T0, T0.plus(Duration.ofDays(14)));
    }

    @Test
    void onlyTheHashOfTheValidatorIsKeptAndItMatchesOnlyThatValidator() {
        RememberMeToken token = token();

        assertTrue(token.hasValidator("the-secret-validator"));
        assertFalse(token.hasValidator("the-secret-validatoR"));
        assertFalse(token.hasValidator(""));
        assertFalse(token.toString().contains(RememberMeToken.hash("the-secret-validator")));
        assertEquals(
                RememberMeToken.VALIDATOR_HASH_LENGTH, RememberMeToken.hash("x").length());
    }

    @Test
    void aTokenIsCurrentUntilItExpires() {
        RememberMeToken token = token();

        assertEquals(Standing.CURRENT, token.standingAt(T0, GRACE));
        assertEquals(
                Standing.CURRENT, token.standingAt(T0.plus(Duration.ofDays(14)).minusMillis(1), GRACE));
        assertEquals(Standing.SPENT, token.standingAt(T0.plus(Duration.ofDays(14)), GRACE));
    }

    @Test
    void aReplacedTokenCountsOnlyDuringTheGrace() {
        RememberMeToken token = token();
        Instant replaced = T0.plusSeconds(100);

        token.replaceAt(replaced);

        assertEquals(Standing.JUST_REPLACED, token.standingAt(replaced.plusSeconds(29), GRACE));
        assertEquals(Standing.SPENT, token.standingAt(replaced.plusSeconds(30), GRACE));
        assertThrows(IllegalStateException.class, () -> token.replaceAt(replaced.plusSeconds(1)));
    }

    @Test
    void aTokenMustExpireAfterItIsMade() {
        assertThrows(IllegalArgumentException.class, () -> new RememberMeToken(7, "s", "v", T0, T0));
        assertThrows(IllegalArgumentException.class, () -> new RememberMeToken(7, " ", "v", T0, T0.plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RememberMeToken(7, "s", "", T0, T0.plusSeconds(1)));
    }
}
