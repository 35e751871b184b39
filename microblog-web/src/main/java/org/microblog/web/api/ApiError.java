package org.microblog.web.api;

/** Every error the API answers, as Mastodon writes it: {@code {"error": "..."}}. */
public record ApiError(String error) {}
