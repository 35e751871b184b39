package org.microblog.web.api;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.microblog.service.MicroblogException;
import org.microblog.service.schema.DatabaseOutage;
import org.microblog.web.errors.DatabaseOutageFilter;
import org.microblog.web.errors.DatabaseOutages;

/**
 * Every failure of an API request becomes JSON with Mastodon's status codes, never an HTML page or a stack trace: a
 * refusal of Jakarta REST's (an unknown path 404, a wrong method 405, a parameter that is not a number 404 or 400)
 * keeps its status; a business rule's refusal, or a value the domain's constraints refuse, is 422 with its message;
 * the database out of reach is 503 with {@code Retry-After}, as the pages say it; anything else is 500 and one log
 * line with the stack trace for the operator.
 */
@Provider
public class ApiExceptions implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptions.class.getName());

    @Inject
    DatabaseOutages outages;

    @Context
    HttpServletRequest request;

    static final String NOT_FOUND = "Record not found";

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof NotFoundException) {
            return error(404, NOT_FOUND);
        }
        if (failure instanceof WebApplicationException refusal) {
            int status = refusal.getResponse().getStatus();
            String message = refusal.getMessage();
            return error(status, message == null || message.isBlank() ? "HTTP " + status : message);
        }
        if (failure instanceof MicroblogException rule) {
            return error(422, rule.getMessage());
        }
        if (failure instanceof EJBException wrapped && wrapped.getCause() != null) {
            return toResponse(wrapped.getCause());
        }
        if (failure instanceof ConstraintViolationException invalid) {
            return new InvalidValues().toResponse(invalid);
        }
        Optional<Throwable> outage = DatabaseOutage.cause(failure);
        if (outage.isPresent()) {
            // as the pages' DatabaseOutageFilter does: a 503 to retry, and the outage's few log lines
            outages.refused(request.getMethod() + " " + request.getRequestURI(), outage.get());
            return Response.fromResponse(error(503, "The database is unavailable for a moment"))
                    .header("Retry-After", DatabaseOutageFilter.RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.log(Level.SEVERE, "API request failed", failure);
        return error(500, "Internal server error");
    }

    static Response error(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(message))
                .build();
    }
}
