package org.microblog.web.language;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Microblog is written in, the tutorial's two. Whatever a request says (its Accept-Language, the
 * language cookie, the switch's form) is mapped to exactly one of these here, and only these ever reach Faces
 * as a view's locale: request data never names a locale or a bundle by itself.
 */
public enum Language {
    ENGLISH(Locale.ENGLISH),
    SPANISH(Locale.of("es"));

    /** The language of a visitor whose browser asks for none of ours. */
    public static final Language DEFAULT = ENGLISH;

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language tag, as in {@code <html lang>} and the cookie: "en", "es". */
    public String tag() {
        return locale.getLanguage();
    }

    /** The language whose tag is exactly {@code tag} ("en", "es"), or empty for anything else. */
    public static Optional<Language> ofTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag().equals(tag)).findFirst();
    }

    /**
     * The language a browser prefers among ours, from its {@code Accept-Language} header (RFC 4647 lookup, so
     * "es-MX" is Spanish and "fr, es;q=0.5" too); English when it names none of ours, or is missing or malformed.
     */
    public static Language preferredBy(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            String tag = Locale.lookupTag(
                    ranges, Arrays.stream(values()).map(Language::tag).toList());
            return tag == null ? DEFAULT : ofTag(tag).orElse(DEFAULT);
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
    }
}
