package org.microblog.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.RememberMe;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Form sign-in on Microblog's own page ({@code /login}), with Jakarta Security.
 *
 * <ul>
 * <li>The sign-in page hands the credential over with {@code SecurityContext.authenticate}; this
 * mechanism checks it with the identity stores and, on success, gives the session a new id (against
 * session fixation) before the container records the caller.</li>
 * <li>{@link AutoApplySession} keeps the caller for the rest of the session.</li>
 * <li>A visitor of a protected page is sent to {@code /login?next=<that page>}; the sign-in page goes
 * back there (only to a path on this site). Jakarta Security's LoginToContinue would do the same with a
 * saved request, but its redirect back skips {@link RememberMe}, so "Remember me" would be lost.</li>
 * <li>{@link RememberMe} signs a user in again from a signed cookie when they ticked "Remember me"
 * (see {@link RememberMeTokens}).</li>
 * </ul>
 */
@ApplicationScoped
@AutoApplySession
@RememberMe(
        cookieName = "microblog_remember",
        cookieMaxAgeSecondsExpression = "#{rememberMeTokens.maxAgeSeconds}",
        cookieSecureOnlyExpression = "#{rememberMeTokens.secureOnly}",
        isRememberMeExpression = "#{self.isRememberMe(httpMessageContext)}")
public class SignInMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null) {
            return context.isProtected() ? context.redirect(signInAddress(request)) : context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        return context.notifyContainerAboutLogin(result);
    }

    private static String signInAddress(HttpServletRequest request) {
        String here =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return request.getContextPath() + "/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }

    /** Whether the sign-in form asked to be remembered (used by {@link RememberMe} above). */
    public boolean isRememberMe(HttpMessageContext context) {
        return context.getAuthParameters().isRememberMe();
    }
}
