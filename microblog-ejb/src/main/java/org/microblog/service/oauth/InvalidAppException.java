package org.microblog.service.oauth;

import org.microblog.service.MicroblogException;

/** An app's registration names something Microblog will not accept (a redirect address, a scope, a name). */
public class InvalidAppException extends MicroblogException {
    private static final long serialVersionUID = 1L;

    public InvalidAppException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
