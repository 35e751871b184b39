package org.microblog.service;

import jakarta.ejb.ApplicationException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A business rule that refused a request: the caller did nothing wrong technically, but what was asked
 * cannot be done. Each subclass names one rule. The message is looked up in {@code ServiceMessages} by
 * {@link #messageKey()}, so pages can show it in the reader's language; the transaction rolls back.
 */
@ApplicationException(rollback = true)
public abstract class MicroblogException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "org.microblog.service.ServiceMessages";

    private final String messageKey;
    private final transient Object[] arguments;

    protected MicroblogException(String messageKey, Object... arguments) {
        super(format(Locale.ENGLISH, messageKey, arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    /** The message for a reader in {@code locale} (English where there is no translation). */
    public String getMessage(Locale locale) {
        return format(locale, messageKey, arguments);
    }

    private static String format(Locale locale, String key, Object[] arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale, MicroblogException.class.getClassLoader())
                .getString(key);
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
