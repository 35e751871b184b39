package org.microblog.web.errors;

import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;
import org.omnifaces.filter.FacesExceptionFilter;

/**
 * OmniFaces' FacesExceptionFilter (the error page of an exception thrown in a page), except that what is not a
 * bug gets no stack trace in the log: a database outage (DatabaseOutageFilter answers it and logs one line) and a
 * forged request (ErrorPageFilter answers 400; one line here).
 */
public class QuietFacesExceptionFilter extends FacesExceptionFilter {

    private static final Logger LOG = Logger.getLogger(QuietFacesExceptionFilter.class.getName());

    @Override
    protected void logException(
            HttpServletRequest request, Throwable exception, String location, String message, Object... parameters) {
        if (ErrorPageFilter.isForged(exception)) {
            LOG.info(() -> "Refused a forged request, 400 for " + request.getMethod() + " " + request.getRequestURI());
        } else if (DatabaseOutage.in(exception).isEmpty()) {
            super.logException(request, exception, location, message, parameters);
        }
    }
}
