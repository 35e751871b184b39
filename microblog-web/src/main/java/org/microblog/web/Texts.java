package org.microblog.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts of the one message bundle ({@code org.microblog.web.i18n}) for Java code; pages read the
 * same bundle as {@code #{i18n['key']}}. Keys are {@code <page or component>.<what>}, for example
 * {@code profile.follow} or {@code flash.followed}; arguments are MessageFormat placeholders.
 */
@ApplicationScoped
public class Texts {

    public static final String BUNDLE = "org.microblog.web.i18n";

    /** The text for {@code key} in the reader's language, with the arguments filled in. */
    public String format(String key, Object... arguments) {
        return format(locale(), key, arguments);
    }

    public static String format(Locale locale, String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader()).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    public Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot() != null) {
            return faces.getViewRoot().getLocale();
        }
        return Locale.ENGLISH;
    }
}
