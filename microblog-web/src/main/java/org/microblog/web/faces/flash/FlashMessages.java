package org.microblog.web.faces.flash;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.microblog.web.language.Texts;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Messages for the page after a redirect ("Your post is now live!"), kept as plain text in the HTTP session
 * until the next page shows them, then removed: a few dozen bytes for one request.
 *
 * <p>Written by hand instead of using Faces' flash: Mojarra keeps its flash in the session as maps of maps, for
 * as long as the session lives, and creates a session for it (see NoFlash).
 */
public final class FlashMessages {

    private static final String ATTRIBUTE = "microblog.flash";

    private FlashMessages() {}

    /** Shows the bundle text {@code key} on the next page this browser renders. */
    public static void add(String key, Object... arguments) {
        HttpSession session = Faces.getRequest().getSession(true);
        List<String> pending = new ArrayList<>(pending(session));
        pending.add(Texts.format(Texts.currentLocale(), key, arguments));
        session.setAttribute(ATTRIBUTE, pending);
    }

    @SuppressWarnings("unchecked")
    private static List<String> pending(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof List<?> list ? (List<String>) list : List.of();
    }

    /** Before a page is rendered, moves the pending messages onto it (registered in faces-config.xml). */
    public static class Show implements PhaseListener {

        private static final long serialVersionUID = 1L;

        @Override
        public PhaseId getPhaseId() {
            return PhaseId.RENDER_RESPONSE;
        }

        @Override
        public void beforePhase(PhaseEvent event) {
            FacesContext faces = event.getFacesContext();
            HttpSession session =
                    ((HttpServletRequest) faces.getExternalContext().getRequest()).getSession(false);
            if (session != null && session.getAttribute(ATTRIBUTE) != null) {
                List<String> messages = pending(session);
                session.removeAttribute(ATTRIBUTE);
                messages.forEach(text -> Messages.addGlobalInfo("message.text", text));
            }
        }

        @Override
        public void afterPhase(PhaseEvent event) {
            // nothing to do after rendering
        }
    }
}
