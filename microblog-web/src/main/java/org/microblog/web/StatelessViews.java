package org.microblog.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import org.microblog.web.language.PageLanguage;
import org.omnifaces.util.Beans;

/**
 * Makes every view stateless (transient) from the moment it is created, so that Faces never needs an HTTP
 * session: no view state is saved, and a visitor's page creates no session at all.
 *
 * <p>{@code <f:view transient="true">} in the layout says the same, but only once the page is built, which
 * is too late: PrimeFaces asks for the Content-Security-Policy nonce before that, and for a view that is not
 * transient yet it keeps the nonce in the view map, which Mojarra keeps in the session.
 *
 * <p>It also gives every view its language from {@link PageLanguage}, one of ours, instead of letting Faces
 * pick a locale from the request; and the forms of an error page (the menu's Sign out) post to the home page,
 * since the address that failed may be no page at all.
 */
public class StatelessViews extends ViewHandlerWrapper {

    private static final String ERROR_PAGES = "/WEB-INF/errors/";

    /**
     * PageLanguage's client proxy, which finds the request's own bean on every call: looked up once, since each
     * lookup (CDI.current() on Payara) walks the stack, and Faces asks for the locale several times a page.
     */
    private volatile PageLanguage language;

    public StatelessViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot view = super.createView(context, viewId);
        view.setTransient(true);
        return view;
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        return viewId.startsWith(ERROR_PAGES)
                ? context.getExternalContext().getRequestContextPath() + "/"
                : super.getActionURL(context, viewId);
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
