package org.microblog.web.layout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.microblog.service.search.SearchQuery;
import org.microblog.web.faces.flash.FlashMessages;
import org.microblog.web.faces.flash.Redirects;
import org.microblog.web.language.Texts;
import org.microblog.web.security.SignOut;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.util.Faces;

/**
 * Backs the layout template's menu: signing out (a POST, never a link; it also forgets this browser), the
 * messages and notifications links' accessible names, and the search box's longest query.
 */
@Named
@RequestScoped
public class LayoutBacking {

    @Inject
    SignOut signOut;

    @Inject
    CurrentUser currentUser;

    /** The menu's notifications link as a screen reader reads it: with the unread count, in words. */
    public String getNotificationsLabel() {
        return Texts.format(Texts.currentLocale(), "nav.notificationsUnread", currentUser.getUnreadNotifications());
    }

    /** The menu's messages link as a screen reader reads it: with the unread count, in words. */
    public String getMessagesLabel() {
        return Texts.format(Texts.currentLocale(), "nav.messagesUnread", currentUser.getUnreadMessages());
    }

    /** The longest query the menu's search box takes (a longer one would not be searched). */
    public int getSearchMaxLength() {
        return SearchQuery.MAX_LENGTH;
    }

    public void signOut() throws ServletException {
        signOut.here(Faces.getRequest(), Faces.getResponse());
        FlashMessages.add("flash.signedOut");
        Redirects.toPath("");
    }

    /**
     * The address of the page being shown (path and query), for the way back from signing in or switching the
     * language; on an error page, the address that failed.
     */
    public String getHere() {
        HttpServletRequest request = Faces.getRequest();
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (errorUri != null) {
            return withQuery(errorUri.toString(), request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING));
        }
        Object forwardedUri = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        return forwardedUri != null
                ? withQuery(forwardedUri.toString(), request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING))
                : withQuery(request.getRequestURI(), request.getQueryString());
    }

    private static String withQuery(String uri, Object query) {
        return query == null ? uri : uri + "?" + query;
    }
}
