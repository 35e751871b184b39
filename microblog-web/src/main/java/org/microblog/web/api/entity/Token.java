package org.microblog.web.api.entity;

/** What the token endpoint answers (RFC 6749 with Mastodon's {@code created_at}, in seconds since 1970). */
public record Token(String accessToken, String tokenType, String scope, long createdAt) {}
