package org.microblog.web.language;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts of the one message bundle ({@code org.microblog.web.i18n}) for Java code; pages read the
 * same bundle as {@code #{i18n['key']}}, and OmniFaces Messages reads it through
 * {@link MessagesFromBundle}. Keys are {@code <page or part>.<what>}, for example
 * {@code profile.follow} or {@code flash.posted}; arguments are MessageFormat placeholders.
 */
public final class Texts {

    public static final String BUNDLE = "org.microblog.web.i18n";

    private Texts() {}

    /** The text for {@code key} in {@code locale}, with the arguments filled in. */
    public static String format(Locale locale, String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader())
                .getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** The language of the page being rendered; English outside a Faces request. */
    public static Locale currentLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null
                ? faces.getViewRoot().getLocale()
                : Locale.ENGLISH;
    }
}
