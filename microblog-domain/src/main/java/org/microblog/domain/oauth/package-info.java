/**
 * The OAuth 2 server's records: the apps (OAuthApp), the consent page's codes (AuthorizationCode), the access tokens
 * (AccessToken), the scopes they carry (Scopes), and how their secrets are made and kept (Secrets).
 *
 * <p>May use {@code domain.user} and {@code domain.account}.
 */
package org.microblog.domain.oauth;
