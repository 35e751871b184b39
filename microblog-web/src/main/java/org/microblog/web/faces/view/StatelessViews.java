package org.microblog.web.faces.view;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * Makes every view stateless (transient) from the moment it is created, so that Faces never needs an HTTP
 * session: no view state is saved, and a visitor's page creates no session at all.
 *
 * <p>{@code <f:view transient="true">} in the layout says the same, but only once the page is built, which
 * is too late: PrimeFaces asks for the Content-Security-Policy nonce before that, and for a view that is not
 * transient yet it keeps the nonce in the view map, which Mojarra keeps in the session.
 */
public class StatelessViews extends ViewHandlerWrapper {

    public StatelessViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot view = super.createView(context, viewId);
        view.setTransient(true);
        return view;
    }
}
