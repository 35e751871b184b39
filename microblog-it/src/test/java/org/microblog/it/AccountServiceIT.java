package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.EmailTakenException;
import org.microblog.service.account.UsernameTakenException;

@ExtendWith(ArquillianExtension.class)
class AccountServiceIT {

    private static final String PASSWORD = "correct horse battery";

    @EJB
    AccountService accounts;

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

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
