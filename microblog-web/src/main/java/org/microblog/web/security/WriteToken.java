package org.microblog.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The write token for the tag {@code mb:writeToken}: {@code #{writeToken.name}}, {@code #{writeToken.value}}. */
@Named
@RequestScoped
public class WriteToken {

    @Inject
    HttpServletRequest request;

    public String getName() {
        return SignedInSession.WRITE_TOKEN_PARAMETER;
    }

    /** The signed-in session's token, or "" for a visitor. */
    public String getValue() {
        return SignedInSession.writeToken(request).orElse("");
    }
}
