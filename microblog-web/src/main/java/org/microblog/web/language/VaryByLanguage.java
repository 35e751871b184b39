package org.microblog.web.language;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.omnifaces.util.Servlets;

/**
 * Tells caches that a page depends on the browser's language preference and on the language cookie
 * ({@code Vary: Accept-Language, Cookie}), so that a cache never hands a Spanish page to an English reader.
 * Faces resources (style sheets, scripts) are the same in every language and keep their caching.
 */
public class VaryByLanguage extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!Servlets.isFacesResourceRequest(request)) {
            response.setHeader("Vary", "Accept-Language, Cookie");
        }
        chain.doFilter(request, response);
    }
}
