package org.microblog.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
}
