package org.microblog.web.faces.exception;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;
import java.util.Optional;
import org.microblog.service.MicroblogException;
import org.microblog.web.language.Texts;
import org.omnifaces.util.Messages;

/**
 * The one place where a business refusal becomes a page message. A service that refuses (following
 * oneself, an unknown user, a taken username, a wrong password) throws a {@link MicroblogException};
 * when it escapes a page action, this handler shows its message, in the page's language, as an error on
 * the same page (AJAX or not) and lets the page render again. The service rolled its transaction back.
 * Every other exception goes on to OmniFaces' handler and the error pages.
 */
public class RefusalExceptionHandler extends ExceptionHandlerWrapper {

    RefusalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        for (Iterator<ExceptionQueuedEvent> events =
                        getUnhandledExceptionQueuedEvents().iterator();
                events.hasNext(); ) {
            Optional<MicroblogException> refusal =
                    refusal(events.next().getContext().getException());
            if (refusal.isPresent()) {
                Messages.addGlobalError("message.text", refusal.get().getMessage(Texts.currentLocale()));
                events.remove();
            }
        }
        getWrapped().handle();
    }

    private static Optional<MicroblogException> refusal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MicroblogException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    /** Registered in faces-config.xml after OmniFaces' factory, which it wraps. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new RefusalExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
