/**
 * The OAuth 2 server's use cases: registering apps (AppService), and codes and access tokens (TokenService), with
 * a registration's refusal (InvalidAppException).
 *
 * <p>May use {@code domain.oauth}, {@code domain.user}, JPA and {@code service.account}.
 */
package org.microblog.service.oauth;
