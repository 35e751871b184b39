package org.microblog.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.microblog.domain.post.PostBody;
import org.microblog.domain.user.AboutMe;

/**
 * The rules of {@link Text} as the validator applies them, with the constraints of the post body (required, 140)
 * and the about-me (optional, 140). The message given is the template the validator chose.
 */
class TextValidatorTest {

    private static final String SIZE = "{microblog.post.body.size}";
    private static final String REQUIRED = "{microblog.post.body.required}";
    private static final String CONTROL = "{microblog.text.control}";

    private static final String GRINNING = "\uD83D\uDE00"; // 😀, one code point, two UTF-16 units
    private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 👩‍👩‍👧: 5 code points
    private static final String E_ACUTE = "e\u0301"; // e and a combining acute accent: 2 code points

    /** What the validator says about {@code value} under {@code constraint}: empty if valid, else the template. */
    private static Optional<String> check(Class<?> constraint, CharSequence value) {
        TextValidator validator = new TextValidator();
        validator.initialize(constraint.getAnnotation(Text.class));
        List<String> templates = new ArrayList<>();
        boolean valid = validator.isValid(value, context(templates));
        assertEquals(valid, templates.isEmpty(), "a refusal has exactly one message, and only a refusal");
        return templates.stream().findFirst();
    }

    private static Optional<String> post(CharSequence body) {
        return check(PostBody.class, body);
    }

    /** A context that records the templates of the violations built on it. */
    private static ConstraintValidatorContext context(List<String> templates) {
        Object[] builder = new Object[1];
        builder[0] = Proxy.newProxyInstance(
                TextValidatorTest.class.getClassLoader(),
                new Class<?>[] {ConstraintValidatorContext.ConstraintViolationBuilder.class},
                (proxy, method, args) -> method.getName().equals("addConstraintViolation") ? null : proxy);
        return (ConstraintValidatorContext) Proxy.newProxyInstance(
                TextValidatorTest.class.getClassLoader(),
                new Class<?>[] {ConstraintValidatorContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "buildConstraintViolationWithTemplate" -> {
                        templates.add((String) args[0]);
                        yield builder[0];
                    }
                    case "disableDefaultConstraintViolation" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void oneHundredFortyEmojiFitAndOneHundredFortyOneDoNot() {
        assertEquals(280, GRINNING.repeat(140).length(), "UTF-16 units, what String.length() and @Size count");

        assertEquals(Optional.empty(), post(GRINNING.repeat(140)));
        assertEquals(Optional.of(SIZE), post(GRINNING.repeat(141)));
    }

    @Test
    void oneHundredFortyLettersFitAndOneHundredFortyOneDoNot() {
        assertEquals(Optional.empty(), post("x".repeat(140)));
        assertEquals(Optional.of(SIZE), post("x".repeat(141)));
        assertEquals(Optional.of(SIZE), post("x".repeat(1_000_000)));
    }

    @Test
    void combiningMarksAndJoinedEmojiCountAsTheCodePointsTheyAreMadeOf() {
        assertEquals(2, TextRules.length(E_ACUTE));
        assertEquals(5, TextRules.length(FAMILY));
        assertEquals(2, TextRules.length("\uD83C\uDDEB\uD83C\uDDF7"), "a flag is two regional indicators");

        assertEquals(Optional.empty(), post(E_ACUTE.repeat(70)));
        assertEquals(Optional.of(SIZE), post(E_ACUTE.repeat(70) + "x"));
        assertEquals(Optional.empty(), post(FAMILY.repeat(28)));
        assertEquals(Optional.of(SIZE), post(FAMILY.repeat(28) + "x"));
    }

    @Test
    void surroundingWhiteSpaceCountsAsItIsSent() {
        assertEquals(Optional.of(SIZE), post(" " + "x".repeat(140)));
        assertEquals(Optional.empty(), post(" " + "x".repeat(139)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "\n\t \n",
                "\u00A0", // no-break space
                "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A", // the typographic spaces
                "\u202F\u205F\u3000\u1680", // narrow no-break, medium mathematical, ideographic, ogham
                "\u2028\u2029", // line and paragraph separators
                "\u200B\u200C\u200D", // zero-width space, non-joiner, joiner
                "\u2060\uFEFF", // word joiner, byte order mark
                "\u00AD\u200E\u200F\u202E\uFE0F", // soft hyphen, direction marks and override, variation selector
                "\u3164\u115F\u2800", // Hangul fillers, blank braille cell
                "\u00A0\u200B \u3000\u2060\n\uFEFF"
            })
    void textOfInvisibleCharactersIsBlankAndNoPost(String invisible) {
        assertTrue(TextRules.isBlank(invisible));
        assertEquals(Optional.of(REQUIRED), post(invisible));
    }

    @Test
    void nullIsBlank() {
        assertEquals(Optional.of(REQUIRED), post(null));
        assertEquals(Optional.empty(), check(AboutMe.class, null));
    }

    @Test
    void aVisibleCharacterAmongInvisibleOnesIsText() {
        assertEquals(Optional.empty(), post("\u200B.\u00A0"));
        assertEquals(Optional.empty(), post(GRINNING));
        assertEquals(Optional.empty(), post("\u0301"), "a combining mark alone is drawn");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\u0000b", // NUL, which PostgreSQL refuses
                "\u0007bell",
                "carriage\rreturn",
                "vertical\u000Btab",
                "form\ffeed",
                "escape\u001B[31m",
                "unit\u001Fseparator",
                "delete\u007F",
                "c1\u0085next line",
                "c1\u009Fapplication",
                "\u0000" // blank too, but the control character is what is said
            })
    void controlCharactersOtherThanLineFeedAndTabAreRefused(String text) {
        assertEquals(Optional.of(CONTROL), post(text));
        assertEquals(Optional.of(CONTROL), check(AboutMe.class, text));
    }

    @Test
    void lineFeedsAndTabsAreAllowed() {
        assertEquals(Optional.empty(), post("first line\nsecond\tcolumn"));
    }

    @Test
    void anUnpairedSurrogateIsRefusedWithTheControlCharacters() {
        assertEquals(Optional.of(CONTROL), post("broken \uD83D emoji"));
        assertEquals(Optional.of(CONTROL), post("\uDE00"));
    }

    @Test
    void tooLongIsSaidFirst() {
        assertEquals(Optional.of(SIZE), post("\u0000".repeat(141)));
    }

    @Test
    void anAboutMeMayBeBlankButNotTooLong() {
        assertEquals(Optional.empty(), check(AboutMe.class, "\u00A0\u200B"));
        assertEquals(Optional.empty(), check(AboutMe.class, GRINNING.repeat(140)));
        assertEquals(Optional.of("{microblog.user.aboutMe.size}"), check(AboutMe.class, GRINNING.repeat(141)));
    }

    @Test
    void strippingRemovesSpacesOfEveryKindButKeepsWhatBelongsToAnEmoji() {
        assertEquals("hi", TextRules.strip("\u00A0\u200B hi\n\u3000\uFEFF\u2060"));
        assertEquals("\u2764\uFE0F", TextRules.strip(" \u2764\uFE0F "), "the variation selector stays");
        assertEquals(FAMILY, TextRules.strip("\t" + FAMILY + "\n"));
        assertEquals("", TextRules.strip("\u2003\u200B"));
    }
}
