package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.EmailTakenException;
import org.microblog.service.account.Passwords;
import org.microblog.service.account.RememberMeService;
import org.microblog.service.account.SignedInUser;
import org.microblog.service.account.UserNotFoundException;
import org.microblog.service.account.UsernameTakenException;
import org.microblog.service.account.WrongPasswordException;

@ExtendWith(ArquillianExtension.class)
class AccountServiceIT {

    private static final String PASSWORD = "correct horse battery";

    private static final String NEW_PASSWORD = "staple battery horse";

    @EJB
    AccountService accounts;

    @EJB
    RememberMeService rememberMe;

    @Inject
    Passwords passwords;

    @Test
    void registeredUserSignsInWithTheirPasswordOnly() {
        String name = unique("susan");
        User susan = accounts.register(name, name + "@Example.COM", PASSWORD);

        assertEquals(name + "@example.com", susan.getEmail());
        assertEquals(susan, accounts.authenticate(name, PASSWORD).orElseThrow());
        assertTrue(accounts.authenticate(name, "wrong password").isEmpty());
        assertTrue(accounts.authenticate("nobody-" + name, PASSWORD).isEmpty());
    }

    @Test
    void passwordsAreHashedWithPbkdf2AtOwaspStrength() {
        String name = unique("hash");
        User user = accounts.register(name, name + "@example.com", PASSWORD);

        String[] parts = user.getPasswordHash().split(":");
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals("600000", parts[1]);
    }

    @Test
    void aTakenUsernameIsRefusedWhateverItsCase() {
        String name = unique("john");
        accounts.register(name, name + "@example.com", PASSWORD);

        UsernameTakenException refusal = assertThrows(
                UsernameTakenException.class,
                () -> accounts.register(name.toUpperCase(), "other-" + name + "@example.com", PASSWORD));

        assertEquals("The username " + name.toUpperCase() + " is taken. Please choose another.", refusal.getMessage());
    }

    @Test
    void aTakenEmailIsRefused() {
        String name = unique("mary");
        accounts.register(name, name + "@example.com", PASSWORD);

        assertThrows(
                EmailTakenException.class,
                () -> accounts.register("other-" + name, name.toUpperCase() + "@example.com", PASSWORD));
    }

    @Test
    void profileUpdateRefusesAnotherUsersName() {
        String first = unique("first");
        String second = unique("second");
        accounts.register(first, first + "@example.com", PASSWORD);
        User user = accounts.register(second, second + "@example.com", PASSWORD);

        assertThrows(UsernameTakenException.class, () -> accounts.updateProfile(user.getId(), first, "hi"));

        User renamed = accounts.updateProfile(user.getId(), second.toUpperCase(), "  about me  ");
        assertEquals(second.toUpperCase(), renamed.getUsername());
        assertEquals("about me", renamed.getAboutMe().orElseThrow());
    }

    @Test
    void aPasswordChangeWithAWrongCurrentPasswordIsRefusedAndChangesNothing() {
        String name = unique("ann");
        User ann = accounts.register(name, name + "@example.com", PASSWORD);
        String device = rememberMe.issue(ann.getId());

        WrongPasswordException refusal = assertThrows(
                WrongPasswordException.class,
                () -> accounts.changePassword(ann.getId(), "not my password", NEW_PASSWORD));

        assertEquals("The current password is not right.", refusal.getMessage());
        assertEquals("account.wrongPassword", refusal.messageKey());
        assertTrue(accounts.authenticate(name, PASSWORD).isPresent());
        assertTrue(accounts.authenticate(name, NEW_PASSWORD).isEmpty());
        assertEquals(0, accounts.findSignedIn(ann.getId()).orElseThrow().credentialsVersion());
        assertTrue(rememberMe.use(device).isPresent());
        assertThrows(WrongPasswordException.class, () -> accounts.changePassword(ann.getId(), null, NEW_PASSWORD));
    }

    @Test
    void aPasswordChangeLetsOnlyTheNewPasswordInAndEndsEverySession() {
        String name = unique("ann");
        User ann = accounts.register(name, name + "@example.com", PASSWORD);
        String laptop = rememberMe.issue(ann.getId());
        String phone = rememberMe.issue(ann.getId());

        accounts.changePassword(ann.getId(), PASSWORD, NEW_PASSWORD);

        assertTrue(accounts.authenticate(name, NEW_PASSWORD).isPresent());
        assertTrue(accounts.authenticate(name, PASSWORD).isEmpty());
        assertEquals(1, accounts.findSignedIn(ann.getId()).orElseThrow().credentialsVersion());
        assertEquals(Optional.empty(), rememberMe.use(laptop));
        assertEquals(Optional.empty(), rememberMe.use(phone));
    }

    @Test
    void signingOutEverywhereEndsEverySessionAndKeepsThePassword() {
        String name = unique("ann");
        User ann = accounts.register(name, name + "@example.com", PASSWORD);
        String device = rememberMe.issue(ann.getId());

        accounts.endAllSessions(ann.getId());
        accounts.endAllSessions(ann.getId());

        assertEquals(2, accounts.findSignedIn(ann.getId()).orElseThrow().credentialsVersion());
        assertEquals(Optional.empty(), rememberMe.use(device));
        assertTrue(accounts.authenticate(name, PASSWORD).isPresent());
        assertThrows(UserNotFoundException.class, () -> accounts.endAllSessions(Long.MAX_VALUE));
    }

    @Test
    void aSignedInUserIsReadByIdWithNameAndCredentialsVersion() {
        String name = unique("ann");
        User ann = accounts.register(name, name + "@example.com", PASSWORD);

        assertEquals(Optional.of(new SignedInUser(ann.getId(), name, 0)), accounts.findSignedIn(ann.getId()));
        assertEquals(Optional.empty(), accounts.findSignedIn(Long.MAX_VALUE));
    }

    @Test
    void everySignInCheckComputesExactlyOneHash() {
        String name = unique("ann");
        accounts.register(name, name + "@example.com", PASSWORD);

        long before = passwords.hashesComputed();
        accounts.authenticate(name, PASSWORD);
        accounts.authenticate(name, "wrong password");
        accounts.authenticate("nobody-" + name, PASSWORD);

        assertEquals(before + 3, passwords.hashesComputed());
        assertFalse(accounts.authenticate(null, PASSWORD).isPresent());
        assertEquals(before + 3, passwords.hashesComputed(), "nothing to check costs no hash");
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
