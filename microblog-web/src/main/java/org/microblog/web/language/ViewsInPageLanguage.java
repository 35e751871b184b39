package org.microblog.web.language;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import org.omnifaces.util.Beans;

/**
 * Gives every view its language from {@link PageLanguage}, one of ours, instead of letting Faces pick a locale
 * from the request.
 */
public class ViewsInPageLanguage extends ViewHandlerWrapper {

    /**
     * PageLanguage's client proxy, which finds the request's own bean on every call: looked up once, since each
     * lookup (CDI.current() on Payara) walks the stack, and Faces asks for the locale several times a page.
     */
    private volatile PageLanguage language;

    public ViewsInPageLanguage(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        PageLanguage current = language;
        if (current == null) {
            current = Beans.getReference(PageLanguage.class);
            language = current;
        }
        return current.getLocale();
    }
}
