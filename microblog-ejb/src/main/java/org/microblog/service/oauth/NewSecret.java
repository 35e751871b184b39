package org.microblog.service.oauth;

/**
 * A record just made and the secret that goes with it, which exists only here: the database keeps its hash.
 *
 * @param <T> the app or the token
 */
public record NewSecret<T>(T record, String secret) {}
