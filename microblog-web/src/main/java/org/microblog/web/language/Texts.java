package org.microblog.web.language;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of the one message bundle ({@code org.microblog.web.i18n}) for Java code; pages read the
 * same bundle as {@code #{i18n['key']}}, and OmniFaces Messages reads it through
 * {@link MessagesFromBundle}. Keys are {@code <page or part>.<what>}, for example
 * {@code profile.follow} or {@code flash.posted}; arguments are MessageFormat placeholders.
 */
public final class Texts {

    public static final String BUNDLE = "org.microblog.web.i18n";

    /**
     * Each pattern parsed once per language: parsing a choice pattern ("{0,choice,1#minute|1<minutes}") cost every
     * post row of a page a ChoiceFormat (2 % of the home page's CPU). A MessageFormat is not thread-safe, so each
     * use formats with a copy, which shares the parsed pattern. The bundle's keys and two languages bound the map.
     */
    private static final Map<Locale, Map<String, MessageFormat>> PARSED = new ConcurrentHashMap<>();

    private Texts() {}

    /** The text for {@code key} in {@code locale}, with the arguments filled in. */
    public static String format(Locale locale, String key, Object... arguments) {
        if (arguments.length == 0) {
            return ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader())
                    .getString(key);
        }
        MessageFormat parsed = PARSED.computeIfAbsent(locale, language -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                        key,
                        k -> new MessageFormat(
                                ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader())
                                        .getString(k),
                                locale));
        return ((MessageFormat) parsed.clone()).format(arguments);
    }

    /** The language of the page being rendered; English outside a Faces request. */
    public static Locale currentLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null
                ? faces.getViewRoot().getLocale()
                : Locale.ENGLISH;
    }
}
