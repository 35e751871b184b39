package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.account.PasswordResetToken;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.PasswordResetService;
import org.microblog.service.account.ResetLinkInvalidException;
import org.microblog.service.account.WeakPasswordException;

/**
 * Password reset links in the service itself: what the HTTP tests cannot wait for or make, such as a link past its
 * hour or one from before a password change.
 */
@ExtendWith(ArquillianExtension.class)
class PasswordResetServiceIT {

    private static final String NEW_PASSWORD = "staple-battery-horse";

    @EJB
    Fixtures fixtures;

    @EJB
    PasswordResetService resets;

    @EJB
    AccountService accounts;

    @Test
    void aLinkWithinItsHourSetsThePasswordEndsEverySessionAndEndsEveryLinkOfTheAccount() {
        User ann = fixtures.user("ann");
        String link = fixtures.resetLink(ann, Instant.now().minus(Duration.ofMinutes(59)));
        String other = fixtures.resetLink(ann, Instant.now());
        long versionBefore = accounts.findSignedIn(ann.getId()).orElseThrow().credentialsVersion();
        assertTrue(resets.isUsable(link));

        assertEquals(ann.getUsername(), resets.reset(link, NEW_PASSWORD));

        assertTrue(accounts.authenticate(ann.getUsername(), NEW_PASSWORD).isPresent());
        assertTrue(accounts.findSignedIn(ann.getId()).orElseThrow().credentialsVersion() > versionBefore);
        assertFalse(resets.isUsable(link), "used");
        assertFalse(resets.isUsable(other), "every link of the account ends");
        assertThrows(ResetLinkInvalidException.class, () -> resets.reset(link, "another-password-1"));
        assertThrows(ResetLinkInvalidException.class, () -> resets.reset(other, "another-password-1"));
        assertTrue(accounts.authenticate(ann.getUsername(), NEW_PASSWORD).isPresent(), "still the first new one");
    }

    @Test
    void aLinkPastItsHourSetsNothing() {
        User ann = fixtures.user("ann");
        String link = fixtures.resetLink(
                ann, Instant.now().minus(PasswordResetToken.LIFETIME).minusSeconds(1));

        assertFalse(resets.isUsable(link));
        assertThrows(ResetLinkInvalidException.class, () -> resets.reset(link, NEW_PASSWORD));
        assertEquals(ann.getPasswordHash(), passwordHashOf(ann), "nothing set");
    }

    @Test
    void aLinkFromBeforeAPasswordChangeOrSignOutEverywhereSetsNothing() {
        User ann = fixtures.user("ann");
        String link = fixtures.resetLink(ann, Instant.now());
        accounts.endAllSessions(ann.getId());

        assertFalse(resets.isUsable(link));
        assertThrows(ResetLinkInvalidException.class, () -> resets.reset(link, NEW_PASSWORD));
        assertEquals(ann.getPasswordHash(), passwordHashOf(ann), "nothing set");
    }

    @Test
    void aForgedEmptyOrHugeLinkSetsNothing() {
        User ann = fixtures.user("ann");
        fixtures.resetLink(ann, Instant.now());
        for (String forged : new String[] {"forged", "", " ", "x".repeat(10_000), "%00'\"\\"}) {
            assertFalse(resets.isUsable(forged), forged);
            assertThrows(ResetLinkInvalidException.class, () -> resets.reset(forged, NEW_PASSWORD), forged);
        }
        assertFalse(resets.isUsable(null));
        assertEquals(ann.getPasswordHash(), passwordHashOf(ann), "nothing set");
    }

    @Test
    void aPasswordThatGivesTheAccountAwayIsRefusedAndTheLinkStays() {
        User ann = fixtures.user("ann");
        String link = fixtures.resetLink(ann, Instant.now());

        assertThrows(WeakPasswordException.class, () -> resets.reset(link, ann.getUsername() + "-2026"));

        assertTrue(resets.isUsable(link));
        assertEquals(ann.getPasswordHash(), passwordHashOf(ann), "nothing set");
    }

    private String passwordHashOf(User user) {
        return accounts.getById(user.getId()).getPasswordHash();
    }
}
