/**
 * Accounts' protection against guessing, as entities and value types: the sign-in throttle's rows and rules
 * (Throttle, RateLimit, Backoff), the "remember me" token series (RememberMeToken) and the links of password reset
 * e-mails (PasswordResetToken).
 *
 * <p>May use JPA and the JDK; no other package of Microblog. Nothing here knows a page or a service exists.
 */
package org.microblog.domain.account;
