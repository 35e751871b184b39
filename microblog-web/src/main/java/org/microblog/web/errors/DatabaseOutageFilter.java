package org.microblog.web.errors;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.microblog.service.schema.DatabaseMigrations;
import org.microblog.service.schema.DatabaseOutage;
import org.omnifaces.util.Servlets;

/**
 * Turns a database outage met anywhere in the request (our filters, the page, a service) into our 503 page
 * with {@code Retry-After}; the log gets one line for the first refusal and then a summary
 * ({@link DatabaseOutages}). Mapped early in web.xml, around everything that reads the
 * database; anything else goes on to the 500 page as before. Until the migrations have run (a start while the
 * database was down), every page is that 503 at once.
 */
public class DatabaseOutageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    public static final String RETRY_AFTER_SECONDS = "5";

    @Inject
    transient DatabaseMigrations migrations;

    @Inject
    transient DatabaseOutages outages;

    /** Once the schema is ready it stays ready: from then on no request asks the migrations bean. */
    private transient volatile boolean schemaReady;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!schemaReady) {
            schemaReady = migrations.isReady();
        }
        if (!schemaReady && !Servlets.isFacesResourceRequest(request)) {
            unavailable(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            Optional<Throwable> outage = DatabaseOutage.cause(failure);
            if (outage.isEmpty() || response.isCommitted()) {
                throw failure;
            }
            outages.refused(request.getMethod() + " " + request.getRequestURI(), outage.get());
            response.reset();
            unavailable(response);
        }
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
}
