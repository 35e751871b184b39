package org.microblog.web.errors;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.logging.Logger;
import org.microblog.service.schema.DatabaseOutage;
import org.omnifaces.filter.FacesExceptionFilter;
import org.primefaces.csp.CspException;

/**
 * OmniFaces' FacesExceptionFilter (the error page of an exception thrown in a page), except for what is not a
 * bug, which gets no stack trace in the log:
 *
 * <ul>
 * <li>a forged request (see {@link #isForged}) is answered here with our 400 page and one log line. Rethrown,
 * as the superclass does, the container would log its stack trace and answer 500;</li>
 * <li>a database outage is left to DatabaseOutageFilter, mapped around this one, which answers 503 and
 * counts it for the outage's log (DatabaseOutages).</li>
 * </ul>
 *
 * <p>Anything else is a bug: logged once, with its stack trace, by the superclass, and answered with the 500 page
 * here (the container would log it again). Payara's EJB container and EclipseLink, which logged it too, are set to
 * SEVERE for that reason (the logging properties, persistence.xml).
 */
public class QuietFacesExceptionFilter extends FacesExceptionFilter {

    private static final Logger LOG = Logger.getLogger(QuietFacesExceptionFilter.class.getName());

    @Override
    public void doFilter(
            HttpServletRequest request, HttpServletResponse response, HttpSession session, FilterChain chain)
            throws ServletException, IOException {
        try {
            super.doFilter(request, response, session, chain);
        } catch (ServletException | RuntimeException failure) {
            if (response.isCommitted() || DatabaseOutage.cause(failure).isPresent()) {
                throw failure;
            }
            if (isForged(failure)) {
                LOG.info(() ->
                        "Refused a forged request, 400 for " + request.getMethod() + " " + request.getRequestURI());
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            // A bug, which the superclass has just logged with its stack trace. Rethrown, the container would log it
            // a second time on its way to the same 500 page.
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }

    @Override
    protected void logException(
            HttpServletRequest request, Throwable exception, String location, String message, Object... parameters) {
        if (!isForged(exception) && DatabaseOutage.cause(exception).isEmpty()) {
            super.logException(request, exception, location, message, parameters);
        }
    }

    /**
     * A request no page of ours sends: a POST without the page's script nonce (PrimeFaces refuses it); a form
     * without one of its fields, which the page therefore did not validate and the service refused (Bean
     * Validation on its parameters); or a view state that no page of ours wrote. Every view is stateless
     * ({@code StatelessViews}), so our forms carry {@code jakarta.faces.ViewState=stateless} and Faces can
     * always rebuild them: it gives up ({@code ViewExpiredException}) only on another value, as in a POST of
     * {@code jakarta.faces.ViewState=x}. (A GET with a view state never gets here: PostbackFilter.)
     */
    static boolean isForged(Throwable failure) {
        return Causes.find(
                        failure,
                        t -> t instanceof CspException
                                || t instanceof ConstraintViolationException
                                || t instanceof ViewExpiredException)
                .isPresent();
    }
}
