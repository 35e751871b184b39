package org.microblog.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a form POST that lacks the page's script nonce with 400, before anything runs.
 *
 * <p>PrimeFaces puts the nonce of the page's Content-Security-Policy into every form it renders and
 * checks it only when it renders the answer, after the form's action has run. A POST without it does
 * not come from one of our pages in a browser, so it is refused up front instead of half-done. (The
 * protection against cross-site requests is WriteProtectionFilter's.)
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class ScriptNonceFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String VIEW_STATE = "jakarta.faces.ViewState";
    static final String NONCE = "primefaces.nonce";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())) {
            String nonce = request.getParameter(NONCE);
            if (request.getParameter(VIEW_STATE) != null && (nonce == null || nonce.isBlank())) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
