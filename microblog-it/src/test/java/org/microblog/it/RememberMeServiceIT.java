package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.account.RememberMeToken;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.RememberMeService;
import org.microblog.service.account.RememberedSignIn;
import org.microblog.service.account.UserNotFoundException;

@ExtendWith(ArquillianExtension.class)
class RememberMeServiceIT {

    private static final String COOKIE_VALUE = "[A-Za-z0-9_-]{24}\\.[A-Za-z0-9_-]{43}";

    @EJB
    Fixtures fixtures;

    @EJB
    RememberMeService rememberMe;

    @EJB
    AccountService accounts;

    @Test
    void anIssuedValueSignsInOnceAndIsReplacedByANewOne() {
        User ann = fixtures.user("ann");
        String value = rememberMe.issue(ann.getId());

        RememberedSignIn signIn = rememberMe.use(value).orElseThrow();

        assertTrue(value.matches(COOKIE_VALUE), value);
        assertEquals(ann.getId(), signIn.userId());
        String replacement = signIn.replacement().orElseThrow();
        assertTrue(replacement.matches(COOKIE_VALUE), replacement);
        assertNotEquals(value, replacement);
        RememberedSignIn next = rememberMe.use(replacement).orElseThrow();
        assertEquals(ann.getId(), next.userId());
        assertTrue(next.replacement().isPresent());
    }

    @Test
    void aReplacedValueStillSignsInDuringTheGraceWithoutAReplacementAndThenNever() {
        User ann = fixtures.user("ann");
        String value = rememberMe.issue(ann.getId());
        String replacement = rememberMe.use(value).orElseThrow().replacement().orElseThrow();

        assertEquals(Optional.of(new RememberedSignIn(ann.getId(), Optional.empty())), rememberMe.use(value));

        fixtures.backdateRotations(ann.getId(), RememberMeService.REPLACED_GRACE.plusSeconds(1));
        assertEquals(Optional.empty(), rememberMe.use(value));
        assertEquals(Optional.empty(), rememberMe.use(replacement), "a replaced value after its grace is theft");
    }

    @Test
    void parallelRequestsWithOneValueAllSignInAndOnlyOneReplacesIt() throws Exception {
        User ann = fixtures.user("ann");
        String value = rememberMe.issue(ann.getId());

        List<Optional<RememberedSignIn>> signIns = Concurrently.runAtOnce(4, () -> rememberMe.use(value));

        assertTrue(
                signIns.stream().allMatch(s -> s.map(RememberedSignIn::userId).equals(Optional.of(ann.getId()))));
        assertEquals(
                1,
                signIns.stream()
                        .filter(s -> s.orElseThrow().replacement().isPresent())
                        .count(),
                () -> "sign-ins: " + signIns);
        assertEquals(1, fixtures.rememberMeRows(ann.getId()).size(), "the series was rotated in place");
    }

    @Test
    void aForgottenValueNoLongerSignsInAndOtherDevicesStay() {
        User ann = fixtures.user("ann");
        String laptop = rememberMe.issue(ann.getId());
        String phone = rememberMe.issue(ann.getId());

        rememberMe.forget(laptop);

        assertEquals(Optional.empty(), rememberMe.use(laptop));
        assertTrue(rememberMe.use(phone).isPresent());
    }

    @Test
    void forgettingAllOfAUserEndsEveryDeviceOfThatUserOnly() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        String laptop = rememberMe.issue(ann.getId());
        String phone = rememberMe.issue(ann.getId());
        String bobs = rememberMe.issue(bob.getId());

        rememberMe.forgetAll(ann.getId());

        assertEquals(Optional.empty(), rememberMe.use(laptop));
        assertEquals(Optional.empty(), rememberMe.use(phone));
        assertTrue(fixtures.rememberMeRows(ann.getId()).isEmpty());
        assertTrue(rememberMe.use(bobs).isPresent());
    }

    @Test
    void anExpiredValueIsRefusedAndItsRowDeleted() {
        User ann = fixtures.user("ann");
        String value = rememberMe.issue(ann.getId());
        fixtures.expireRememberMeTokens(ann.getId());

        assertEquals(Optional.empty(), rememberMe.use(value));
        assertTrue(fixtures.rememberMeRows(ann.getId()).isEmpty());
    }

    @Test
    void issuingDeletesTheUsersSpentTokens() {
        User ann = fixtures.user("ann");
        rememberMe.issue(ann.getId());
        rememberMe.issue(ann.getId());
        fixtures.expireRememberMeTokens(ann.getId());

        rememberMe.issue(ann.getId());

        assertEquals(1, fixtures.rememberMeRows(ann.getId()).size());
    }

    @Test
    void garbageIsRefusedWithoutAnErrorAndTakesNothingAway() {
        User ann = fixtures.user("ann");
        String value = rememberMe.issue(ann.getId());
        String selector = value.substring(0, value.indexOf('.'));
        String otherValidator = "A".repeat(43); // with this value's selector it would be theft, tested below
        List<String> garbage = new ArrayList<>(List.of(
                "",
                ".",
                "no-dot-at-all",
                selector,
                selector + ".",
                value + "x",
                value.replace('.', ':'),
                "' OR 1=1 --." + otherValidator,
                "x".repeat(100_000) + "." + otherValidator));
        garbage.add(null);

        for (String cookie : garbage) {
            assertEquals(Optional.empty(), rememberMe.use(cookie), () -> "cookie " + cookie);
            rememberMe.forget(cookie);
        }

        assertEquals(ann.getId(), rememberMe.use(value).orElseThrow().userId());
    }

    @Test
    void theDatabaseHoldsTheSelectorAndTheValidatorsHashButNeverTheValidator() {
        User ann = fixtures.user("ann");
        String value = rememberMe.issue(ann.getId());
        String selector = value.substring(0, value.indexOf('.'));
        String validator = value.substring(value.indexOf('.') + 1);

        List<String> row = fixtures.rememberMeRows(ann.getId()).getFirst();

        assertTrue(row.contains(selector), () -> "row " + row);
        assertTrue(row.contains(RememberMeToken.hash(validator)), () -> "row " + row);
        assertFalse(row.stream().anyMatch(column -> column.contains(validator)), () -> "row " + row);
    }

    @Test
    void noTokenForAnUnknownUser() {
        assertThrows(UserNotFoundException.class, () -> rememberMe.issue(Long.MAX_VALUE));
    }

    @Test
    void aValueIsRefusedAfterItsLastUseAndItsGraceAreOver() {
        User ann = fixtures.user("ann");
        String value = rememberMe.issue(ann.getId());
        rememberMe.use(value).orElseThrow();
        fixtures.backdateRotations(ann.getId(), Duration.ofDays(1));

        assertEquals(Optional.empty(), rememberMe.use(value));
        assertEquals(Optional.empty(), rememberMe.use(value));
    }

    @Test
    void usingAValueKeepsItsSeriesAndRotatesOnlyTheValidator() {
        User ann = fixtures.user("ann");
        String value = rememberMe.issue(ann.getId());

        String replacement = rememberMe.use(value).orElseThrow().replacement().orElseThrow();

        assertEquals(selectorOf(value), selectorOf(replacement));
        assertNotEquals(value, replacement);
        assertEquals(1, fixtures.rememberMeRows(ann.getId()).size());
    }

    @Test
    void afterSigningOutTheValueItsUseReplacedNoLongerSignsInNotEvenWithinTheGrace() {
        User ann = fixtures.user("ann");
        String copied = rememberMe.issue(ann.getId());
        String browsers = rememberMe.use(copied).orElseThrow().replacement().orElseThrow();

        rememberMe.forget(browsers);

        assertEquals(Optional.empty(), rememberMe.use(copied));
        assertEquals(Optional.empty(), rememberMe.use(browsers));
        assertTrue(fixtures.rememberMeRows(ann.getId()).isEmpty());
    }

    @Test
    void aThiefWhoUsedACopyFirstLosesTheReplacementWhenTheOwnerSignsOut() {
        User ann = fixtures.user("ann");
        String owners = rememberMe.issue(ann.getId());
        String thiefs = rememberMe.use(owners).orElseThrow().replacement().orElseThrow();

        rememberMe.forget(owners);

        assertEquals(Optional.empty(), rememberMe.use(thiefs));
        assertTrue(fixtures.rememberMeRows(ann.getId()).isEmpty());
    }

    @Test
    void aValueReplacedLongerAgoThanTheGraceEndsEveryTokenAndSessionOfItsUserAndSaysSo() throws Exception {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        String stolen = rememberMe.issue(ann.getId());
        String phone = rememberMe.issue(ann.getId());
        String bobs = rememberMe.issue(bob.getId());
        String thiefs = rememberMe.use(stolen).orElseThrow().replacement().orElseThrow();
        fixtures.backdateRotations(ann.getId(), RememberMeService.REPLACED_GRACE.plusSeconds(1));
        long versionBefore = credentialsVersion(ann);

        List<LogRecord> logged = logOf(() -> assertEquals(Optional.empty(), rememberMe.use(stolen)));

        assertEquals(Optional.empty(), rememberMe.use(thiefs));
        assertEquals(Optional.empty(), rememberMe.use(phone), "another device of the user");
        assertTrue(fixtures.rememberMeRows(ann.getId()).isEmpty());
        assertTrue(credentialsVersion(ann) > versionBefore, "the thief's session, signed in by the copy, ends");
        assertEquals(bob.getId(), rememberMe.use(bobs).orElseThrow().userId(), "other users keep theirs");
        List<LogRecord> warnings =
                logged.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
        assertEquals(1, warnings.size(), () -> "log: " + messages(logged));
        String warning = warnings.getFirst().getMessage();
        assertTrue(warning.contains("user #" + ann.getId() + " "), warning);
        assertTrue(warning.contains(selectorOf(stolen)), warning);
        assertFalse(warning.contains(validatorOf(stolen)) || warning.contains(validatorOf(thiefs)), warning);
        assertFalse(warning.contains(RememberMeToken.hash(validatorOf(stolen))), warning);
    }

    @Test
    void aKnownSelectorWithAValidatorItNeverHadEndsEveryTokenOfItsUser() {
        User ann = fixtures.user("ann");
        String laptop = rememberMe.issue(ann.getId());
        String phone = rememberMe.issue(ann.getId());

        assertEquals(Optional.empty(), rememberMe.use(selectorOf(laptop) + "." + "A".repeat(43)));

        assertEquals(Optional.empty(), rememberMe.use(laptop));
        assertEquals(Optional.empty(), rememberMe.use(phone));
    }

    @Test
    void signingOutWithAValueReplacedLongerAgoThanTheGraceEndsEveryTokenOfItsUser() {
        User ann = fixtures.user("ann");
        String owners = rememberMe.issue(ann.getId());
        String phone = rememberMe.issue(ann.getId());
        String thiefs = rememberMe.use(owners).orElseThrow().replacement().orElseThrow();
        fixtures.backdateRotations(ann.getId(), RememberMeService.REPLACED_GRACE.plusSeconds(1));

        rememberMe.forget(owners);

        assertEquals(Optional.empty(), rememberMe.use(thiefs));
        assertEquals(Optional.empty(), rememberMe.use(phone));
        assertTrue(fixtures.rememberMeRows(ann.getId()).isEmpty());
    }

    @Test
    void withinTheGraceTheReplacedValueSignsInAgainAndAgainWithoutRotatingTheSeriesAway() {
        User ann = fixtures.user("ann");
        String value = rememberMe.issue(ann.getId());
        String replacement = rememberMe.use(value).orElseThrow().replacement().orElseThrow();

        for (int request = 1; request <= 3; request++) {
            assertEquals(
                    Optional.of(new RememberedSignIn(ann.getId(), Optional.empty())),
                    rememberMe.use(value),
                    "request " + request);
        }

        assertTrue(rememberMe.use(replacement).orElseThrow().replacement().isPresent());
    }

    private long credentialsVersion(User user) {
        return accounts.findSignedIn(user.getId()).orElseThrow().credentialsVersion();
    }

    /** What RememberMeService logs while {@code action} runs. */
    private static List<LogRecord> logOf(Runnable action) throws Exception {
        return ServerLog.during(RememberMeService.class.getName(), () -> {
                    action.run();
                    return null;
                })
                .records();
    }

    private static List<String> messages(List<LogRecord> records) {
        return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
    }

    private static String selectorOf(String value) {
        return value.substring(0, value.indexOf('.'));
    }

    private static String validatorOf(String value) {
        return value.substring(value.indexOf('.') + 1);
    }
}
