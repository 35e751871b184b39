package org.microblog.web.health;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Counts the requests in progress, for a shutdown that lets them finish (mapped first of all in web.xml, so that
 * it sees every request of the application). The health checks and metrics are not counted: Payara serves them
 * through our root context, and a balancer keeps asking for readiness after it has taken the instance out.
 */
public class RequestsInProgressFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Shutdown shutdown;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/health") || path.startsWith("/metrics")) {
            chain.doFilter(request, response);
            return;
        }
        shutdown.requestStarted();
        try {
            chain.doFilter(request, response);
        } finally {
            shutdown.requestFinished();
        }
    }
}
