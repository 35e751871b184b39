/**
 * The page {@code /login} (login.xhtml): signing in through Jakarta Security, where to return afterwards (SafeReturn)
 * and the answer to too many attempts (also the registration page's).
 *
 * <p>May use the web module's {@code security}, {@code session} and {@code faces.flash}; it calls no service itself
 * and touches no EntityManager.
 */
package org.microblog.web.login;
