package org.microblog.web.oauth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.microblog.domain.oauth.OAuthApp;
import org.microblog.domain.oauth.Scopes;
import org.microblog.service.oauth.AppService;
import org.microblog.service.oauth.TokenService;
import org.microblog.web.faces.flash.Redirects;
import org.microblog.web.security.ContentSecurityPolicy;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/**
 * Backs {@code /authorize?client_id=...&redirect_uri=...&response_type=code&scope=...&state=...&code_challenge=...
 * &code_challenge_method=S256} (signed-in people only, see web.xml). The request is checked on the GET and again on
 * the POST (the form posts to the same address, query included):
 *
 * <ul>
 * <li>an unknown app, or a redirect address the app did not register, is our 400 page: sending the browser to an
 * address nobody vouched for would make this page an open redirect;</li>
 * <li>any other fault goes back to the app as OAuth's {@code error} (RFC 6749, 4.1.2.1): a response type other than
 * {@code code}, scopes beyond the app's, a PKCE method other than S256 (plain is refused);</li>
 * <li>Authorize gives the app a code at its address with {@code state}; out of band, the page shows the code; Deny
 * gives {@code error=access_denied}.</li>
 * </ul>
 *
 * The page's Content-Security-Policy allows the form to lead to exactly that validated address (its {@code
 * form-action}): Chromium applies form-action to the redirect that follows a form's POST.
 */
@Named
@RequestScoped
public class AuthorizeBacking {

    @Inject
    AppService apps;

    @Inject
    TokenService tokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    @Param(name = "client_id")
    String clientId;

    @Inject
    @Param(name = "redirect_uri")
    String redirectUri;

    @Inject
    @Param(name = "response_type")
    String responseType;

    @Inject
    @Param(name = "scope")
    String scope;

    @Inject
    @Param(name = "state")
    String state;

    @Inject
    @Param(name = "code_challenge")
    String codeChallenge;

    @Inject
    @Param(name = "code_challenge_method")
    String codeChallengeMethod;

    private Optional<OAuthApp> app;
    private String code;

    /** On GET: the checks above; a request fit to ask the person is shown, with its target allowed to the form. */
    public void load() throws IOException {
        if (app().isEmpty() || !app().get().allowsRedirectTo(redirect())) {
            Faces.responseSendError(400, "Unknown app or redirect address");
            return;
        }
        Optional<String> fault = fault();
        if (fault.isPresent()) {
            if (isOutOfBand()) {
                Faces.responseSendError(400, fault.get());
            } else {
                Redirects.to(back("error", fault.get()));
            }
            return;
        }
        if (!isOutOfBand()) {
            ContentSecurityPolicy.allowFormTarget(Faces.getRequest(), URI.create(redirect()));
        }
    }

    /** The person said yes: a code for the app, at its address or on this page. */
    public void authorize() throws IOException {
        if (app().isEmpty() || !app().get().allowsRedirectTo(redirect()) || fault().isPresent()) {
            Faces.responseSendError(400, "Not a valid authorization request");
            return;
        }
        String issued =
                tokens.issueCode(app().get(), currentUser.requireId(), redirect(), scopes().orElseThrow(), challenge());
        if (isOutOfBand()) {
            code = issued;
        } else {
            Redirects.to(back("code", issued));
        }
    }

    /** The person said no. */
    public void deny() throws IOException {
        if (app().isEmpty() || !app().get().allowsRedirectTo(redirect())) {
            Faces.responseSendError(400, "Unknown app or redirect address");
        } else if (isOutOfBand()) {
            Redirects.toPath("");
        } else {
            Redirects.to(back("error", "access_denied"));
        }
    }

    public String getAppName() {
        return app().map(OAuthApp::getName).orElse("");
    }

    public String getWebsite() {
        return app().flatMap(OAuthApp::getWebsite).orElse("");
    }

    /** The scopes asked, as OAuth names them. */
    public List<String> getScopes() {
        return scopes().map(asked -> asked.names().stream().sorted().toList()).orElse(List.of());
    }

    /** The code, once authorized out of band; empty before. */
    public String getCode() {
        return code == null ? "" : code;
    }

    /** OAuth's error for a request that names a valid app and address but cannot be granted; empty if it can. */
    private Optional<String> fault() {
        if (!"code".equals(responseType)) {
            return Optional.of("unsupported_response_type");
        }
        if (scopes().isEmpty() || !app().orElseThrow().getScopes().cover(scopes().get())) {
            return Optional.of("invalid_scope");
        }
        if (codeChallenge != null && !codeChallenge.isEmpty() && !"S256".equals(codeChallengeMethod)) {
            return Optional.of("invalid_request");
        }
        return Optional.empty();
    }

    private Optional<OAuthApp> app() {
        if (app == null) {
            app = apps.find(clientId);
        }
        return app;
    }

    /** The redirect address; an app that registered only one may leave it out. */
    private String redirect() {
        if ((redirectUri == null || redirectUri.isEmpty()) && app().isPresent()) {
            List<String> registered = app().get().getRedirectUris();
            return registered.size() == 1 ? registered.getFirst() : "";
        }
        return redirectUri == null ? "" : redirectUri;
    }

    private boolean isOutOfBand() {
        return AppService.OUT_OF_BAND.equals(redirect());
    }

    private Optional<Scopes> scopes() {
        return Scopes.parse(scope);
    }

    private Optional<String> challenge() {
        return Optional.ofNullable(codeChallenge).filter(challenge -> !challenge.isEmpty());
    }

    /** The app's address with one answer parameter and the state it sent. */
    private String back(String name, String value) {
        String target = redirect();
        StringBuilder address = new StringBuilder(target)
                .append(target.contains("?") ? '&' : '?')
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        if (state != null) {
            address.append("&state=").append(URLEncoder.encode(state, StandardCharsets.UTF_8));
        }
        return address.toString();
    }
}
