package org.microblog.web.faces.flash;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The redirect (a 302) after a form POST (POST, redirect, GET), or from an address to the page's own. Written
 * by hand because both OmniFaces' {@code Faces.redirect} and Faces' {@code ExternalContext.redirect} start
 * Faces' flash, which Mojarra keeps in the HTTP session (see FlashMessages): a redirect must not make the
 * session grow.
 */
public final class Redirects {

    private Redirects() {}

    /** Redirects to {@code path}, relative to the application's root ("" is the home page). */
    public static void toPath(String path) {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request =
                (HttpServletRequest) faces.getExternalContext().getRequest();
        to(request.getContextPath() + "/" + path);
    }

    /** Redirects to {@code location}, an absolute path on this site (context path included). */
    public static void to(String location) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            ((HttpServletResponse) faces.getExternalContext().getResponse()).sendRedirect(location);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
