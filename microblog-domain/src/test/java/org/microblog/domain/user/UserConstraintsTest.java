package org.microblog.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The named constraints of a user's fields ({@link Username}, {@link EmailAddress}, {@link NewPassword}) as a
 * Bean Validation provider applies them: which rule refuses what, with which message of the bundle. The entity,
 * AccountService and the pages all use these constraints, so this is what each of them refuses.
 */
class UserConstraintsTest {

    private static final String USERNAME_REQUIRED = "{microblog.user.username.required}";
    private static final String USERNAME_SIZE = "{microblog.user.username.size}";
    private static final String USERNAME_PATTERN = "{microblog.user.username.pattern}";
    private static final String EMAIL_REQUIRED = "{microblog.user.email.required}";
    private static final String EMAIL_INVALID = "{microblog.user.email.invalid}";
    private static final String EMAIL_SIZE = "{microblog.user.email.size}";
    private static final String PASSWORD_REQUIRED = "{microblog.password.required}";
    private static final String PASSWORD_SIZE = "{microblog.password.size}";
    private static final String PASSWORD_WEAK = "{microblog.password.weak}";

    private static ValidatorFactory factory;
    private static Validator validator;

    /** A form with one field of each kind, as a backing bean has them. */
    static class Form {
        @Username
        String username;

        @EmailAddress
        String email;

        @NewPassword
        String password;
    }

    @BeforeAll
    static void startValidation() {
        // The expression-language interpolator would need an EL implementation; the messages only use {min} and {max}.
        factory = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .defaultLocale(Locale.ENGLISH)
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        factory.close();
    }

    /** The message templates of the violations of {@code field} holding {@code value}: empty if it is valid. */
    private static Set<String> refusals(String field, String value) {
        return validator.validateValue(Form.class, field, value).stream()
                .map(ConstraintViolation::getMessageTemplate)
                .collect(Collectors.toSet());
    }

    private static Set<String> messages(String field, String value) {
        return validator.validateValue(Form.class, field, value).stream()
                .map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"susan", "John", "_x", "a.b-c_d", "0", "x"})
    void usernamesOfLettersDigitsAndSafePunctuationAreAccepted(String name) {
        assertEquals(Set.of(), refusals("username", name));
    }

    @Test
    void aUsernameHasAtMostSixtyFourCharacters() {
        assertEquals(Set.of(), refusals("username", "x".repeat(User.USERNAME_MAX)));
        assertEquals(Set.of(USERNAME_SIZE), refusals("username", "x".repeat(User.USERNAME_MAX + 1)));
        assertEquals(
                Set.of("A username has at most 64 characters."),
                messages("username", "x".repeat(User.USERNAME_MAX + 1)));
    }

    @Test
    void aMissingUsernameIsAskedFor() {
        assertEquals(Set.of(USERNAME_REQUIRED), refusals("username", null));
        assertEquals(Set.of(USERNAME_REQUIRED, USERNAME_PATTERN), refusals("username", " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<b>ivy</b>", ".ann", "-ann", "ann bob", "ann/bob", "ann?x=1", "ánn", "ann@example"})
    void aUsernameThatIsNotSafeInAnAddressIsRefused(String name) {
        assertEquals(Set.of(USERNAME_PATTERN), refusals("username", name));
    }

    @Test
    void anEmailAddressIsRequiredWellFormedAndAtMostOneHundredTwentyCharacters() {
        assertEquals(Set.of(), refusals("email", "ann@example.com"));
        assertEquals(Set.of(EMAIL_REQUIRED), refusals("email", null));
        assertEquals(Set.of(EMAIL_REQUIRED, EMAIL_INVALID), refusals("email", "  "));
        assertEquals(Set.of(EMAIL_INVALID), refusals("email", "not-an-email"));
        assertEquals(Set.of("That is not a valid email address."), messages("email", "not-an-email"));
        String longest = "a".repeat(60) + "@" + "b".repeat(User.EMAIL_MAX - 65) + ".com"; // a part is at most 64
        assertEquals(User.EMAIL_MAX, longest.length());
        assertEquals(Set.of(), refusals("email", longest));
        assertTrue(refusals("email", "a" + longest).contains(EMAIL_SIZE));
    }

    @Test
    void aNewPasswordHasEightToOneHundredTwentyEightCharacters() {
        assertEquals(Set.of(), refusals("password", "abcdefgh"));
        assertEquals(Set.of(PASSWORD_SIZE), refusals("password", "abcdefg"));
        assertEquals(Set.of(), refusals("password", "abcd".repeat(32)));
        assertEquals(Set.of(PASSWORD_SIZE), refusals("password", "abcd".repeat(32) + "e"));
        assertEquals(Set.of("A password has 8 to 128 characters."), messages("password", "short"));
    }

    @Test
    void aMissingPasswordIsAskedFor() {
        assertEquals(Set.of(PASSWORD_REQUIRED, PASSWORD_SIZE), refusals("password", ""));
        assertEquals(Set.of(PASSWORD_REQUIRED), refusals("password", null));
        assertEquals(Set.of(PASSWORD_REQUIRED), refusals("password", " ".repeat(8)), "one message, not also weak");
        assertEquals(Set.of(PASSWORD_SIZE), refusals("password", "aaaa"), "one message, not also weak");
    }

    @Test
    void aNewPasswordOfFewerThanFourDifferentCharactersIsTooEasyToGuess() {
        assertEquals(Set.of(PASSWORD_WEAK), refusals("password", "aaaabbbb"));
        assertEquals(Set.of(PASSWORD_WEAK), refusals("password", "abcabcabc"));
        assertEquals(Set.of(), refusals("password", "abcdabcd"));
        assertEquals(
                Set.of("That password is too easy to guess: do not use your username or email, and use at least four"
                        + " different characters."),
                messages("password", "aaaabbbb"));
    }

    @Test
    void aPasswordGivesTheAccountAwayWhenItHoldsTheUsernameOrIsTheEmailInAnyCase() {
        assertTrue(PasswordRules.givesAway("my-SUSAN-password", "Susan", "susan@example.com"));
        assertTrue(PasswordRules.givesAway("Susan@Example.com", "ann", " susan@example.com "));
        assertFalse(PasswordRules.givesAway("correct horse battery", "susan", "susan@example.com"));
        assertFalse(PasswordRules.givesAway("correct horse battery", "susan", ""), "no email to compare");
        assertFalse(PasswordRules.givesAway("correct horse battery", "susan", null), "no email to compare");
    }

    @Test
    void aWeakPasswordGivesTheAccountAwayOrHasTooFewDifferentCharacters() {
        assertTrue(PasswordRules.isWeak("susan-123", "susan", "s@example.com"));
        assertTrue(PasswordRules.isWeak("aaaabbbb", "susan", "s@example.com"));
        assertFalse(PasswordRules.isWeak("correct horse battery", "susan", "s@example.com"));
    }
}
