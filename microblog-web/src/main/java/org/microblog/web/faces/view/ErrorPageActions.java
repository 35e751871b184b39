package org.microblog.web.faces.view;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;

/**
 * The forms of an error page (the menu's Sign out) post to the home page, not to the address that failed:
 * that address may be no page at all.
 */
public class ErrorPageActions extends ViewHandlerWrapper {

    private static final String ERROR_PAGES = "/WEB-INF/errors/";

    public ErrorPageActions(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        return viewId.startsWith(ERROR_PAGES)
                ? context.getExternalContext().getRequestContextPath() + "/"
                : super.getActionURL(context, viewId);
    }
}
