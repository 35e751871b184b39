package org.microblog.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.microblog.web.avatar.Avatars;

/**
 * The one Content-Security-Policy of every response, written in one place. SecurityHeadersFilter sends it on
 * every response; on a Faces page PrimeFaces sends it instead with the page's script nonce appended (web.xml's
 * {@code primefaces.CSP_POLICY} names {@link #getPolicy()}), and the filter makes that header replace its own,
 * so that a response carries exactly one policy: scanners read only the first, and two policies are hard to
 * read for people too (a browser enforces both, so each source had to pass both).
 *
 * <p>It is what the two headers allowed together before they became one: scripts from this site, and on a page
 * only those with its nonce; styles from this site and inline (PrimeFaces' components set {@code style}); fonts
 * from this site and {@code data:}; images from this site only, or also from Gravatar when {@code
 * microblog.avatars=gravatar} ({@link Avatars#imageSources()}); no plugins, no framing, no foreign base URL or
 * form target, and nothing else from anywhere else ({@code default-src 'self'}).
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

    /** Request attribute: one more source for this page's {@code form-action}. */
    private static final String FORM_TARGET = "microblog.csp.formTarget";

    /** Last, because PrimeFaces appends the nonce to the end of the policy. */
    static final String SCRIPTS = "script-src 'self'";

    private String policy;

    @Inject
    public ContentSecurityPolicy(Avatars avatars) {
        policy = of(avatars.imageSources());
    }

    /** For CDI's proxy. */
    protected ContentSecurityPolicy() {}

    /** The policy with {@code imageSources} as its {@code img-src}. */
    static String of(String imageSources) {
        return "default-src 'self'; img-src " + imageSources
                + "; style-src 'self' 'unsafe-inline'; font-src 'self' data:; object-src 'none'; base-uri 'self';"
                + " form-action 'self'; frame-ancestors 'none'; " + SCRIPTS;
    }

    /** The policy without a nonce: what every response that is not a Faces page gets. */
    public String getPolicy() {
        return policy;
    }

    /**
     * The policy of the Faces page being rendered (web.xml's {@code primefaces.CSP_POLICY}): {@link #getPolicy()}, and
     * on a page that called {@link #allowFormTarget} its form may also lead to that one address.
     */
    public String getPagePolicy() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Object target = faces == null
                ? null
                : faces.getExternalContext().getRequestMap().get(FORM_TARGET);
        return target == null ? policy : policy.replace("form-action 'self';", "form-action 'self' " + target + ";");
    }

    /**
     * Lets this page's forms lead to {@code target} (the consent page's redirect to an app): its origin and path for
     * http and https, its scheme for an app's own scheme ({@code com.example.app:}), which CSP cannot narrow further.
     * The caller has checked that the address is one it vouches for.
     */
    public static void allowFormTarget(HttpServletRequest request, URI target) {
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        String source = scheme.equals("http") || scheme.equals("https")
                ? scheme + "://" + target.getRawAuthority()
                        + Optional.ofNullable(target.getRawPath())
                                .orElse("")
                                .replace(";", "%3B")
                                .replace(",", "%2C")
                : scheme + ":";
        request.setAttribute(FORM_TARGET, source);
    }
}
