package org.microblog.web.api;

/** An OAuth 2 error (RFC 6749, section 5.2): a code such as {@code invalid_grant} and words for a person. */
public record OAuthError(String error, String errorDescription) {}
