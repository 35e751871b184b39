package org.microblog.domain.post;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a text as search sees them: runs of letters and digits, lower-cased and with their accents taken
 * off ("Café" and "cafe" are one word), each once, in the order they first appear. A post is found by a query when
 * it holds every word of the query; the same rules cut both, so what a person types finds what another wrote.
 *
 * <p>Written here, not taken from a library, because it is the one definition of a word that the embedded
 * database's word index, the queries against it and the data generator must share (PostgreSQL cuts words with its
 * own parser, which agrees on ordinary words).
 */
public final class SearchWords {

    /** A longer word is kept as its first this many characters, in the index and in a query alike. */
    public static final int MAX_WORD_LENGTH = 40;

    private SearchWords() {}

    /** The distinct words of {@code text}; empty for a text without letters or digits. */
    public static List<String> of(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        Set<String> words = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        int codePoints = 0;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (isMark(c)) {
                continue; // an accent, taken off: "é" is "e" and a combining acute
            }
            if (Character.isLetterOrDigit(c)) {
                if (codePoints < MAX_WORD_LENGTH) {
                    word.appendCodePoint(c);
                }
                codePoints++;
            } else {
                add(word, words);
                codePoints = 0;
            }
        }
        add(word, words);
        return List.copyOf(words);
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static void add(StringBuilder word, Set<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
