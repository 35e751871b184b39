/**
 * {@code /authorize}, the consent page of the OAuth 2 server: a signed-in person sees which app asks for what, and
 * authorizes or denies it; the app gets a code (or an error) at its redirect address, or the person reads the code
 * on the page. {@code /oauth/authorize} (web.api's OAuthResource) sends browsers here with the query unchanged.
 *
 * <p>May use {@code service.oauth}, {@code domain.oauth}, {@code session}, {@code security} and {@code faces.flash}.
 */
package org.microblog.web.oauth;
