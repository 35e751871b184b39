package org.microblog.service.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.microblog.domain.post.SearchWords;
import org.microblog.domain.user.User;

/**
 * What a person typed into the search box, as the searches read it: the {@link #words} a post must hold, and the
 * {@link #usernamePrefixes} a username may start with. Nothing of the text reaches SQL but as a bound parameter.
 *
 * @param text the query as typed, stripped
 * @param words the distinct words of the text ({@link SearchWords}), at most {@value #MAX_WORDS}
 * @param usernamePrefixes the terms (separated by spaces, a leading {@code @} dropped) that could begin a username,
 *     lower-cased, at most {@value #MAX_WORDS}
 */
public record SearchQuery(String text, List<String> words, List<String> usernamePrefixes) {

    /** A longer query is not searched: no post is that long, and the page says why. */
    public static final int MAX_LENGTH = 200;

    /** Words beyond these are left out (a post of 140 characters rarely holds more that matter). */
    public static final int MAX_WORDS = 8;

    private static final Pattern USERNAME_START = Pattern.compile(User.USERNAME_PATTERN);

    public SearchQuery {
        words = List.copyOf(words);
        usernamePrefixes = List.copyOf(usernamePrefixes);
    }

    /** Reads a query; {@code null} is the empty query. */
    public static SearchQuery of(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() > MAX_LENGTH) {
            return new SearchQuery(text, List.of(), List.of());
        }
        List<String> words = SearchWords.of(text);
        List<String> prefixes = new ArrayList<>();
        for (String term : text.split("\\s+")) {
            String name = term.startsWith("@") ? term.substring(1) : term;
            if (USERNAME_START.matcher(name).matches()
                    && name.length() <= User.USERNAME_MAX
                    && !prefixes.contains(name.toLowerCase(Locale.ROOT))
                    && prefixes.size() < MAX_WORDS) {
                prefixes.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return new SearchQuery(text, words.subList(0, Math.min(words.size(), MAX_WORDS)), prefixes);
    }

    /** Whether the text is longer than a search reads: nothing is searched, and the page says so. */
    public boolean isTooLong() {
        return text.length() > MAX_LENGTH;
    }

    /** Whether there is nothing to search for: no word, no possible username. */
    public boolean isEmpty() {
        return words.isEmpty() && usernamePrefixes.isEmpty();
    }
}
