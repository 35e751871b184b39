package org.microblog.domain.text;

import java.util.Optional;

/**
 * What Microblog accepts as the text of a post or an about-me, in one place: {@link Text} applies these rules
 * as a Bean Validation constraint, the entities apply them in their constructors and methods.
 *
 * <ul>
 * <li><b>Length</b> is counted in Unicode code points, as people count characters, not in UTF-16 units as
 * {@link String#length()} does: an emoji outside the Basic Multilingual Plane (😀) is one character, not two.
 * Sequences count as the code points they are made of: a letter with a combining accent (e + U+0301) is two,
 * a flag (two regional indicators) is two, a family joined with zero-width joiners (👩‍👩‍👧) is five. This is
 * what the pages' counter counts in JavaScript ({@code Array.from(text).length}).
 * <li><b>Blank</b> text has no character a person can see: it is empty or holds only {@linkplain
 * #isInvisible(int) invisible} code points (white space of every kind, zero-width and other default-ignorable
 * characters, control characters).
 * <li><b>Control characters</b> (general category Cc: C0, DEL and C1) are refused, except line feed and tab.
 * A carriage return is refused too: a browser's CR LF reaches the application as LF (PrimeFaces' text area
 * turns it into one). Unpaired surrogates, which are not text at all, are refused with them. Refusing, rather
 * than removing, keeps what is stored exactly what was written, the same on Derby and PostgreSQL (which
 * refuses NUL).
 * <li><b>Stripping</b>: the entities store text without the white space and zero-width spaces around it.
 * </ul>
 */
public final class TextRules {

    /** Why a text is refused. */
    public enum Refusal {
        /** More code points than allowed. */
        TOO_LONG,
        /** A control character other than line feed and tab, or an unpaired surrogate. */
        CONTROL_CHARACTER,
        /** Required, but blank (see {@link #isBlank(CharSequence)}). */
        BLANK
    }

    /**
     * Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt, Unicode 15), as ranges of
     * first and last code point: characters that have no glyph of their own (soft hyphen, zero-width space,
     * joiners, bidirectional marks, word joiner, variation selectors, byte order mark, Hangul fillers, tags).
     */
    private static final int[][] DEFAULT_IGNORABLE = {
        {0x00AD, 0x00AD},
        {0x034F, 0x034F},
        {0x061C, 0x061C},
        {0x115F, 0x1160},
        {0x17B4, 0x17B5},
        {0x180B, 0x180F},
        {0x200B, 0x200F},
        {0x202A, 0x202E},
        {0x2060, 0x206F},
        {0x3164, 0x3164},
        {0xFE00, 0xFE0F},
        {0xFEFF, 0xFEFF},
        {0xFFA0, 0xFFA0},
        {0xFFF0, 0xFFF8},
        {0x1BCA0, 0x1BCA3},
        {0x1D173, 0x1D17A},
        {0xE0000, 0xE0FFF}
    };

    /** The braille pattern without dots: an empty cell, drawn as a blank space. */
    private static final int BRAILLE_BLANK = 0x2800;

    private TextRules() {}

    /** How many characters {@code text} holds as people count them: Unicode code points. */
    public static int length(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }

    /**
     * Why {@code text} is refused, or empty if it is accepted: at most {@code max} code points, no refused
     * control character, and, if {@code required}, not blank. Null is blank. The first reason found in the
     * order too long, control character, blank is given.
     */
    public static Optional<Refusal> check(CharSequence text, int max, boolean required) {
        if (text == null) {
            return required ? Optional.of(Refusal.BLANK) : Optional.empty();
        }
        if (length(text) > max) {
            return Optional.of(Refusal.TOO_LONG);
        }
        if (hasRefusedCharacter(text)) {
            return Optional.of(Refusal.CONTROL_CHARACTER);
        }
        if (required && isBlank(text)) {
            return Optional.of(Refusal.BLANK);
        }
        return Optional.empty();
    }

    /**
     * {@code text} without the white space (of every kind, non-breaking spaces and U+3000 included) and
     * zero-width spaces (U+200B, U+2060, U+FEFF) at its start and end. Joiners and variation selectors stay:
     * they may belong to an emoji.
     */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end) {
            int cp = text.codePointAt(start);
            if (!isStrippable(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = text.codePointBefore(end);
            if (!isStrippable(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return text.substring(start, end);
    }

    /** Whether {@code text} is null, empty or only {@linkplain #isInvisible(int) invisible} code points. */
    public static boolean isBlank(CharSequence text) {
        return text == null || text.codePoints().allMatch(TextRules::isInvisible);
    }

    /**
     * Whether a person sees nothing of {@code codePoint}: white space (Unicode's White_Space: spaces of every
     * width, non-breaking spaces, U+3000, line and paragraph separators), control characters (Cc),
     * default-ignorable code points (zero-width space, joiners, U+2060, U+FEFF, bidirectional marks, variation
     * selectors, Hangul fillers) and the blank braille cell U+2800.
     */
    public static boolean isInvisible(int codePoint) {
        return isWhiteSpace(codePoint)
                || Character.getType(codePoint) == Character.CONTROL
                || isDefaultIgnorable(codePoint)
                || codePoint == BRAILLE_BLANK;
    }

    /** Whether {@code text} has a refused control character or an unpaired surrogate. */
    public static boolean hasRefusedCharacter(CharSequence text) {
        return text.codePoints().anyMatch(TextRules::isRefused);
    }

    /**
     * Whether {@code codePoint} is refused: a control character (Cc) other than line feed and tab, or a
     * surrogate standing alone.
     */
    public static boolean isRefused(int codePoint) {
        return codePoint != '\n' && codePoint != '\t' && Character.getType(codePoint) == Character.CONTROL
                || Character.getType(codePoint) == Character.SURROGATE;
    }

    private static boolean isWhiteSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean isStrippable(int codePoint) {
        return isWhiteSpace(codePoint) || codePoint == 0x200B || codePoint == 0x2060 || codePoint == 0xFEFF;
    }

    private static boolean isDefaultIgnorable(int codePoint) {
        for (int[] range : DEFAULT_IGNORABLE) {
            if (codePoint >= range[0] && codePoint <= range[1]) {
                return true;
            }
        }
        return false;
    }
}
