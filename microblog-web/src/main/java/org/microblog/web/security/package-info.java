/**
 * Who may do what: signing in with Jakarta Security (SignInMechanism, AccountIdentityStore, "remember me"), the
 * signed-in session and its write token, signing out, and the filters and Faces switches that refuse forged requests
 * (PostbackFilter, WriteProtectionFilter, PostbacksArePosts), the security headers and the Content-Security-Policy,
 * and the client address the throttles count.
 *
 * <p>May use {@code service.account} and {@code avatar}; nothing here touches an EntityManager.
 */
package org.microblog.web.security;
