/**
 * Accounts: registration, sign-in checks, password hashing, profiles, "remember me", the sign-in throttle, and the
 * refusals they make (a taken username or email, a wrong password, an unknown user).
 *
 * <p>May use the domain ({@code domain.user}, {@code domain.account}), JPA and the service root; it uses no other
 * service package.
 */
package org.microblog.service.account;
