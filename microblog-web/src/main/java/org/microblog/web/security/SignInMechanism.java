package org.microblog.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.RememberMeService;
import org.microblog.service.account.RememberedSignIn;
import org.microblog.service.account.SignInThrottle;
import org.microblog.service.account.SignedInUser;
import org.microblog.web.api.ApiAddresses;
import org.omnifaces.util.Servlets;

/**
 * How someone becomes signed in, with Jakarta Security. Every way ends in {@link SignedInSession#begin}: a
 * new session id, a fresh write token.
 *
 * <ul>
 * <li><b>The sign-in form</b> hands the credential over with {@code SecurityContext.authenticate}. The
 * throttle is asked first ({@link SignInThrottle}: per client address and per account); a refused attempt
 * fails at once, without the cost of a password hash, and leaves how long to wait in the request attribute
 * {@link #WAIT} for the page. Otherwise the identity stores check the password.</li>
 * <li><b>Remember me</b>: a random per-device series in a cookie ({@link RememberMeCookie}), kept hashed by
 * {@link RememberMeService}, its validator rotated on every use, the whole series deleted at sign-out, and
 * every series of the user ended when a copy of one shows up. It signs in only on a page GET without a
 * session. Written here by hand because Jakarta Security's {@code @RememberMe} can neither
 * rotate the token nor set SameSite on its cookie.</li>
 * <li>{@link AutoApplySession} keeps the caller for the rest of the session.</li>
 * <li>A visitor of a protected page is sent to {@code /login?next=<that page>}; the sign-in page goes back
 * there (only to a path on this site, see SafeReturn).</li>
 * </ul>
 */
@ApplicationScoped
@AutoApplySession
public class SignInMechanism implements HttpAuthenticationMechanism {

    /** Request attribute: the {@link Duration} a throttled sign-in must wait. */
    public static final String WAIT = "microblog.signInWait";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SignInThrottle throttle;

    @Inject
    RememberMeService rememberMe;

    @Inject
    RememberMeCookie rememberMeCookie;

    @Inject
    AccountService accounts;

    @Inject
    ClientAddress clientAddress;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            return signIn(password, request, response, context);
        }
        if (isPageRead(request)) {
            Optional<String> cookie = rememberMeCookie.read(request);
            if (cookie.isPresent()) {
                Optional<RememberedSignIn> remembered = rememberMe.use(cookie.get());
                if (remembered.isPresent()) {
                    remembered.get().replacement().ifPresent(token -> rememberMeCookie.write(request, response, token));
                    return signedIn(remembered.get().userId(), request, context);
                }
                rememberMeCookie.delete(request, response);
            }
        }
        return context.isProtected() ? context.redirect(signInAddress(request)) : context.doNothing();
    }

    private AuthenticationStatus signIn(
            UsernamePasswordCredential credential,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        String username = credential.getCaller();
        Optional<Duration> wait = throttle.admitSignIn(clientAddress.of(request), username);
        if (wait.isPresent()) {
            request.setAttribute(WAIT, wait.get());
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.recordFailure(username);
            return AuthenticationStatus.SEND_FAILURE;
        }
        throttle.recordSuccess(username);
        long userId = Long.parseLong(result.getCallerPrincipal().getName());
        if (context.getAuthParameters().isRememberMe()) {
            rememberMeCookie.write(request, response, rememberMe.issue(userId));
        }
        return signedIn(userId, request, context);
    }

    private AuthenticationStatus signedIn(long userId, HttpServletRequest request, HttpMessageContext context) {
        long credentialsVersion = accounts.findSignedIn(userId)
                .map(SignedInUser::credentialsVersion)
                .orElse(0L);
        SignedInSession.begin(request, credentialsVersion);
        return context.notifyContainerAboutLogin(String.valueOf(userId), Set.of(AccountIdentityStore.USER));
    }

    /**
     * A GET of a page (not of a script or style sheet, nor of the client API, where only a Bearer token counts): the
     * only request that remember-me signs in.
     */
    private static boolean isPageRead(HttpServletRequest request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && !Servlets.isFacesResourceRequest(request)
                && !ApiAddresses.isApi(request);
    }

    private static String signInAddress(HttpServletRequest request) {
        String here =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return request.getContextPath() + "/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }
}
