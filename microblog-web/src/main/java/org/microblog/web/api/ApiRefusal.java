package org.microblog.web.api;

import jakarta.ws.rs.WebApplicationException;

/** A refusal with Mastodon's status and message, for ApiExceptions to write as JSON. */
public class ApiRefusal extends WebApplicationException {
    private static final long serialVersionUID = 1L;

    public ApiRefusal(int status, String message) {
        super(message, status);
    }
}
