package org.microblog.web.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * A value the domain's constraints refuse (an about-me too long, say) is a 422 with their messages, as Mastodon
 * answers "Validation failed: ...". A mapper of its own: Jersey's bean validation maps this exception to a bare 400,
 * and the closest mapper wins over ApiExceptions'.
 */
@Provider
public class InvalidValues implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException invalid) {
        return ApiExceptions.error(
                422,
                "Validation failed: "
                        + invalid.getConstraintViolations().stream()
                                .map(ConstraintViolation::getMessage)
                                .sorted()
                                .collect(Collectors.joining(", ")));
    }
}
