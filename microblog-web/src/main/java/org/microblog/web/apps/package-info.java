/**
 * {@code /apps}: the apps a signed-in person has authorized, each with Revoke.
 *
 * <p>May use {@code service.oauth}, {@code domain.oauth}, {@code session}, {@code format} and {@code person}.
 */
package org.microblog.web.apps;
