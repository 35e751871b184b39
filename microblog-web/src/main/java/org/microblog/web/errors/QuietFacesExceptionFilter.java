package org.microblog.web.errors;

import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.filter.FacesExceptionFilter;

/**
 * OmniFaces' FacesExceptionFilter (the error page of an exception thrown in a page), except that a database
 * outage is not logged here with its stack trace: DatabaseOutageFilter answers it and logs one line.
 */
public class QuietFacesExceptionFilter extends FacesExceptionFilter {

    @Override
    protected void logException(
            HttpServletRequest request, Throwable exception, String location, String message, Object... parameters) {
        if (DatabaseOutage.in(exception).isEmpty()) {
            super.logException(request, exception, location, message, parameters);
        }
    }
}
