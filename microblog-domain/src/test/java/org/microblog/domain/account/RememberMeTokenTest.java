package org.microblog.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microblog.domain.account.RememberMeToken.Standing;

class RememberMeTokenTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration DAYS = Duration.ofDays(14);

    private static RememberMeToken token() {
        return new RememberMeToken(7, "selector", "the-secret-validator", T0, T0.plus(DAYS));
    }

    @Test
    void onlyTheHashOfTheValidatorIsKeptAndItMatchesOnlyThatValidator() {
        RememberMeToken token = token();

        assertEquals(Standing.CURRENT, token.standingOf("the-secret-validator", T0, GRACE));
        assertEquals(Standing.STOLEN, token.standingOf("the-secret-validatoR", T0, GRACE));
        assertEquals(Standing.STOLEN, token.standingOf("", T0, GRACE));
        assertFalse(token.toString().contains(RememberMeToken.hash("the-secret-validator")));
        assertEquals(
                RememberMeToken.VALIDATOR_HASH_LENGTH, RememberMeToken.hash("x").length());
    }

    @Test
    void aSeriesIsCurrentUntilItExpiresWhateverTheValidatorAfterThat() {
        RememberMeToken token = token();

        assertEquals(Standing.CURRENT, token.standingOf("the-secret-validator", T0, GRACE));
        assertEquals(
                Standing.CURRENT,
                token.standingOf("the-secret-validator", T0.plus(DAYS).minusMillis(1), GRACE));
        assertEquals(Standing.EXPIRED, token.standingOf("the-secret-validator", T0.plus(DAYS), GRACE));
        assertEquals(Standing.EXPIRED, token.standingOf("another-validator", T0.plus(DAYS), GRACE));
    }

    @Test
    void rotatingReplacesTheValidatorInPlaceAndTheOldOneCountsOnlyDuringTheGrace() {
        RememberMeToken token = token();
        Instant rotated = T0.plusSeconds(100);

        token.rotate("the-next-validator", rotated, rotated.plus(DAYS));

        assertEquals("selector", token.getSelector());
        assertEquals(Optional.of(rotated), token.getRotatedAt());
        assertEquals(Standing.CURRENT, token.standingOf("the-next-validator", rotated, GRACE));
        assertEquals(Standing.JUST_REPLACED, token.standingOf("the-secret-validator", rotated.plusSeconds(29), GRACE));
        assertEquals(Standing.STOLEN, token.standingOf("the-secret-validator", rotated.plusSeconds(30), GRACE));
    }

    @Test
    void onlyTheLastReplacedValidatorHasAGraceOlderOnesAreStolenAtOnce() {
        RememberMeToken token = token();
        token.rotate("second", T0.plusSeconds(1), T0.plus(DAYS));

        token.rotate("third", T0.plusSeconds(2), T0.plus(DAYS));

        assertEquals(Standing.JUST_REPLACED, token.standingOf("second", T0.plusSeconds(3), GRACE));
        assertEquals(Standing.STOLEN, token.standingOf("the-secret-validator", T0.plusSeconds(3), GRACE));
    }

    @Test
    void rotatingExtendsTheSeries() {
        RememberMeToken token = token();
        Instant rotated = T0.plus(Duration.ofDays(10));

        token.rotate("the-next-validator", rotated, rotated.plus(DAYS));

        assertEquals(rotated.plus(DAYS), token.getExpiresAt());
        assertEquals(
                Standing.CURRENT,
                token.standingOf("the-next-validator", T0.plus(DAYS).plusSeconds(1), GRACE));
        assertEquals(T0, token.getCreatedAt());
    }

    @Test
    void aTokenMustExpireAfterItIsMadeOrRotated() {
        assertThrows(IllegalArgumentException.class, () -> new RememberMeToken(7, "s", "v", T0, T0));
        assertThrows(IllegalArgumentException.class, () -> new RememberMeToken(7, " ", "v", T0, T0.plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RememberMeToken(7, "s", "", T0, T0.plusSeconds(1)));
        RememberMeToken token = token();
        assertThrows(IllegalArgumentException.class, () -> token.rotate("next", T0.plusSeconds(5), T0.plusSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> token.rotate(" ", T0.plusSeconds(5), T0.plus(DAYS)));
        assertEquals(Standing.CURRENT, token.standingOf("the-secret-validator", T0, GRACE), "a refused rotation");
    }
}
