package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.user.User;
import org.microblog.service.MicroblogException;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.EmailTakenException;
import org.microblog.service.account.Passwords;
import org.microblog.service.account.RememberMeService;
import org.microblog.service.account.SignedInUser;
import org.microblog.service.account.UserNotFoundException;
import org.microblog.service.account.UsernameTakenException;
import org.microblog.service.account.WeakPasswordException;
import org.microblog.service.account.WrongPasswordException;
import org.microblog.service.follow.FollowService;

@ExtendWith(ArquillianExtension.class)
class AccountServiceIT {

    private static final String PASSWORD = "correct horse battery";

    private static final String NEW_PASSWORD = "staple battery horse";

    private static final String ITERATIONS = "microblog.password.iterations";

    @EJB
    AccountService accounts;

    @EJB
    RememberMeService rememberMe;

    @Inject
    Passwords passwords;

    @EJB
    Fixtures fixtures;

    @EJB
    FollowService follows;

    @Inject
    Pbkdf2PasswordHash otherCost;

    @Test
    void registeredUserSignsInWithTheirPasswordOnly() {
        String name = unique("susan");
        User susan = accounts.register(name, name + "@Example.COM", PASSWORD);

        assertEquals(name + "@example.com", susan.getEmail());
        assertEquals(susan, accounts.authenticate(name, PASSWORD).orElseThrow());
        assertTrue(accounts.authenticate(name, "wrong password").isEmpty());
        assertTrue(accounts.authenticate("nobody-" + name, PASSWORD).isEmpty());
    }

    /**
     * The suite's server is given a low cost (it.password.iterations in the pom): a new hash carries the configured
     * cost, and the configuration the WAR ships is OWASP's (ShippedPasswordCostTest holds it without a server too).
     */
    @Test
    void passwordsAreHashedWithPbkdf2AtOwaspStrength() throws IOException {
        String name = unique("hash");
        User user = accounts.register(name, name + "@example.com", PASSWORD);

        String[] parts = user.getPasswordHash().split(":");
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals(ConfigProvider.getConfig().getValue(ITERATIONS, String.class), parts[1]);
        assertEquals(List.of("600000"), shippedSettings(ITERATIONS));
    }

    /** The values of {@code key} in every microprofile-config.properties of the deployed WAR. */
    private static List<String> shippedSettings(String key) throws IOException {
        List<String> values = new ArrayList<>();
        for (URL file : Collections.list(
                AccountServiceIT.class.getClassLoader().getResources("META-INF/microprofile-config.properties"))) {
            Properties settings = new Properties();
            try (InputStream in = file.openStream()) {
                settings.load(in);
            }
            Optional.ofNullable(settings.getProperty(key)).ifPresent(values::add);
        }
        return values;
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
    void aUsernameIsKeptAsTypedAndFoundAndSignedInWithInAnyCase() {
        String name = unique("Susan");
        User susan = accounts.register(name, name + "@example.com", PASSWORD);

        assertEquals(name, susan.getUsername());
        assertEquals(susan, accounts.getByUsername(name.toLowerCase(Locale.ROOT)));
        assertEquals(
                susan,
                accounts.findByUsername(" " + name.toUpperCase(Locale.ROOT)).orElseThrow());
        assertEquals(
                susan,
                accounts.authenticate(name.toUpperCase(Locale.ROOT), PASSWORD).orElseThrow());
        assertEquals(
                susan,
                accounts.authenticate(name.toLowerCase(Locale.ROOT), PASSWORD).orElseThrow());
        assertTrue(accounts.isUsernameTaken(name.toLowerCase(Locale.ROOT)));
        assertTrue(accounts.isEmailTaken(name.toUpperCase(Locale.ROOT) + "@EXAMPLE.com"));
    }

    @Test
    void theDatabaseItselfRefusesANameOrAnEmailThatDiffersOnlyByCase() {
        User bob = fixtures.user("Bob");
        String name = bob.getUsername();

        // Fixtures write straight through JPA, past every check of the service: only the database can refuse.
        assertThrows(
                EJBException.class,
                () -> fixtures.userNamedExactly(name.toUpperCase(Locale.ROOT), "other-" + bob.getEmail()));
        assertThrows(
                EJBException.class,
                () -> fixtures.userNamedExactly(unique("other"), bob.getEmail().toUpperCase(Locale.ROOT)));
        assertEquals(bob, accounts.getByUsername(name.toLowerCase(Locale.ROOT)));
    }

    @Test
    void ofRegistrationsRacingForOneNameInDifferentCasesOneOpensTheAccountAndTheOthersAreToldItIsTaken()
            throws Exception {
        String name = unique("bob");
        String upper = name.toUpperCase(Locale.ROOT);
        String capitalised = "B" + name.substring(1);
        List<String> spellings = List.of(name, upper, capitalised, name, upper, capitalised);
        List<Callable<String>> burst = new ArrayList<>();
        for (int i = 0; i < spellings.size(); i++) {
            String spelling = spellings.get(i);
            String email = name + "-" + i + "@example.com";
            burst.add(() -> outcome(() -> accounts.register(spelling, email, PASSWORD)));
        }

        List<String> outcomes = Concurrently.runAtOnce(burst);

        assertEquals(1, outcomes.stream().filter("done"::equals).count(), () -> "outcomes: " + outcomes);
        assertEquals(
                spellings.size() - 1,
                outcomes.stream().filter("account.usernameTaken"::equals).count(),
                () -> "outcomes: " + outcomes);
        User winner = accounts.getByUsername(name);
        assertEquals(spellings.get(outcomes.indexOf("done")), winner.getUsername());
    }

    @Test
    void ofRegistrationsRacingForOneEmailOneOpensTheAccountAndTheOthersAreToldItIsTaken() throws Exception {
        String name = unique("mary");
        List<Callable<String>> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String username = name + "-" + i;
            String email = (i % 2 == 0 ? name : name.toUpperCase(Locale.ROOT)) + "@Example.com";
            burst.add(() -> outcome(() -> accounts.register(username, email, PASSWORD)));
        }

        List<String> outcomes = Concurrently.runAtOnce(burst);

        assertEquals(1, outcomes.stream().filter("done"::equals).count(), () -> "outcomes: " + outcomes);
        assertEquals(5, outcomes.stream().filter("account.emailTaken"::equals).count(), () -> "outcomes: " + outcomes);
        assertTrue(
                accounts.findByUsername(name + "-" + outcomes.indexOf("done")).isPresent());
    }

    @Test
    void ofRenamesRacingForOneNameOneWinsAndTheOthersAreToldItIsTaken() throws Exception {
        String name = unique("carl");
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(fixtures.user("renamer"));
        }
        List<Callable<String>> burst = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            long id = users.get(i).getId();
            String spelling = i % 2 == 0 ? name : name.toUpperCase(Locale.ROOT);
            burst.add(() -> outcome(() -> accounts.updateProfile(id, spelling, "racing")));
        }

        List<String> outcomes = Concurrently.runAtOnce(burst);

        assertEquals(1, outcomes.stream().filter("done"::equals).count(), () -> "outcomes: " + outcomes);
        assertEquals(
                5, outcomes.stream().filter("account.usernameTaken"::equals).count(), () -> "outcomes: " + outcomes);
        User winner = users.get(outcomes.indexOf("done"));
        assertEquals(winner, accounts.getByUsername(name));
        for (User loser : users) {
            if (!loser.equals(winner)) {
                assertEquals(
                        loser.getUsername(), accounts.getById(loser.getId()).getUsername(), "unchanged");
            }
        }
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
    void theServiceItselfRefusesAWeakPasswordAsThePagesDo() {
        String name = unique("weak");
        String email = name + "@example.com";

        // The rules of the password alone: @NewPassword on the parameter, before anything is hashed or stored.
        long before = passwords.hashesComputed();
        assertEquals(
                Set.of("{microblog.password.weak}"),
                violations(assertThrows(EJBException.class, () -> accounts.register(name, email, "aaaabbbb"))));
        assertEquals(
                Set.of("{microblog.password.size}"),
                violations(assertThrows(EJBException.class, () -> accounts.register(name, email, "short"))));
        assertEquals(before, passwords.hashesComputed(), "a refused password is not hashed");
        // The rule that needs the account: no username in it, not the email.
        WeakPasswordException refusal = assertThrows(
                WeakPasswordException.class, () -> accounts.register(name, email, "my " + name.toUpperCase() + "!"));
        assertEquals("account.weakPassword", refusal.messageKey());
        assertEquals(
                "That password is too easy to guess: do not use your username or email, and use at least four"
                        + " different characters.",
                refusal.getMessage());
        assertThrows(WeakPasswordException.class, () -> accounts.register(name, email, email.toUpperCase()));
        assertFalse(accounts.isUsernameTaken(name), "nothing was registered");

        User user = accounts.register(name, email, PASSWORD);
        assertEquals(
                Set.of("{microblog.password.weak}"),
                violations(assertThrows(
                        EJBException.class, () -> accounts.changePassword(user.getId(), PASSWORD, "abcabcabc"))));
        assertThrows(
                WeakPasswordException.class, () -> accounts.changePassword(user.getId(), PASSWORD, name + "-2026"));
        assertThrows(WeakPasswordException.class, () -> accounts.changePassword(user.getId(), PASSWORD, email));
        assertTrue(accounts.authenticate(name, PASSWORD).isPresent(), "the password did not change");
        assertEquals(0, accounts.findSignedIn(user.getId()).orElseThrow().credentialsVersion());
    }

    /** The message templates of the constraint violations that caused {@code failure}. */
    private static Set<String> violations(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return violation.getConstraintViolations().stream()
                        .map(ConstraintViolation::getMessageTemplate)
                        .collect(Collectors.toSet());
            }
        }
        throw new AssertionError("not a constraint violation", failure);
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
    void aSignedInUserIsReadWithHowManyPeopleTheyFollow() {
        User ann = fixtures.user("ann");
        follows.follow(ann.getId(), fixtures.user("bob").getUsername());
        follows.follow(ann.getId(), fixtures.user("cy").getUsername());

        assertEquals(2, accounts.findSignedIn(ann.getId()).orElseThrow().followingCount());
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

    /** A hash made at another cost than the configured one, as older accounts' are, still checks. */
    @Test
    void aHashOfAnotherCostStillChecks() {
        int configured = ConfigProvider.getConfig().getValue(ITERATIONS, Integer.class);
        otherCost.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm",
                "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations",
                Integer.toString(configured + 1000)));
        String older = otherCost.generate(PASSWORD.toCharArray());
        assertTrue(passwords.matches(PASSWORD, older));
        assertFalse(passwords.matches(NEW_PASSWORD, older));
    }

    /** "done" if {@code call} succeeded, else the message key of the refusal; any other failure is thrown. */
    private static String outcome(Runnable call) {
        try {
            call.run();
            return "done";
        } catch (MicroblogException refusal) {
            return refusal.messageKey();
        }
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
