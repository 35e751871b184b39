package org.microblog.web.layout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** Backs the layout template's menu: signing out (a POST, never a link). */
@Named
@RequestScoped
public class LayoutBacking {

    public void signOut() throws ServletException {
        HttpServletRequest request = Faces.getRequest();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        Messages.addFlashGlobalInfo("flash.signedOut");
        Faces.redirect("");
    }

    /** The page being shown, relative to the context root, for the sign-in link's way back. */
    public String getHere() {
        HttpServletRequest request = Faces.getRequest();
        Object original = request.getAttribute("jakarta.servlet.forward.request_uri");
        String uri = original != null ? original.toString() : request.getRequestURI();
        return uri;
    }
}
