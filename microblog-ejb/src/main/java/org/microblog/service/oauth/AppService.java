package org.microblog.service.oauth;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.microblog.domain.oauth.OAuthApp;
import org.microblog.domain.oauth.Scopes;
import org.microblog.domain.oauth.Secrets;

/** Apps: registering one, and finding one by its client id, with or without its secret. */
@Stateless
public class AppService {

    /** OAuth's address for apps that show the code to the person instead of receiving it (RFC 8252's "out of band"). */
    public static final String OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";

    /** Schemes that would run or show something in the browser instead of handing the code to an app. */
    private static final Set<String> REFUSED_SCHEMES =
            Set.of("javascript", "data", "vbscript", "file", "about", "blob");

    private static final int REDIRECT_URI_MAX = 2000;

    @PersistenceContext
    EntityManager em;

    /**
     * Registers an app. {@code redirectUris}: one or more addresses separated by white space (https, http, a custom
     * scheme such as {@code com.example.app:/callback}, or {@link #OUT_OF_BAND}); {@code scopes}: space-separated,
     * {@code read} when blank.
     *
     * @throws InvalidAppException for a blank or long name, an address that is none of those, an unknown scope
     */
    public NewSecret<OAuthApp> register(String name, String redirectUris, String scopes, String website) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.codePointCount(0, cleanName.length()) > OAuthApp.NAME_MAX) {
            throw new InvalidAppException("oauth.app.name", OAuthApp.NAME_MAX);
        }
        List<String> uris = redirectUris == null
                ? List.of()
                : Arrays.stream(redirectUris.strip().split("\\s+"))
                        .filter(uri -> !uri.isEmpty())
                        .toList();
        if (uris.isEmpty() || String.join("\n", uris).length() > OAuthApp.REDIRECT_URIS_MAX) {
            throw new InvalidAppException("oauth.app.redirectUris");
        }
        for (String uri : uris) {
            if (!isRedirectUri(uri)) {
                throw new InvalidAppException("oauth.app.redirectUri", uri);
            }
        }
        Scopes allowed = Scopes.parse(scopes).orElseThrow(() -> new InvalidAppException("oauth.app.scopes"));
        Optional<String> site = Optional.ofNullable(website).map(String::strip).filter(text -> !text.isEmpty());
        if (site.isPresent() && !isWebsite(site.get())) {
            throw new InvalidAppException("oauth.app.website");
        }
        String secret = Secrets.newSecret();
        OAuthApp app = new OAuthApp(cleanName, site, uris, allowed, secret);
        em.persist(app);
        em.flush();
        return new NewSecret<>(app, secret);
    }

    public Optional<OAuthApp> find(String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery("SELECT a FROM OAuthApp a WHERE a.clientId = :clientId", OAuthApp.class)
                .setParameter("clientId", clientId)
                .getResultStream()
                .findFirst();
    }

    /** The app with this client id, if {@code secret} is its secret. */
    public Optional<OAuthApp> authenticate(String clientId, String secret) {
        return find(clientId).filter(app -> app.hasSecret(secret));
    }

    /**
     * Whether an app may name {@code uri} as where people go back to: out of band, or an absolute address without a
     * fragment whose scheme hands the code to an app (never one that runs or shows something in the browser).
     */
    static boolean isRedirectUri(String uri) {
        if (uri.equals(OUT_OF_BAND)) {
            return true;
        }
        if (uri.length() > REDIRECT_URI_MAX) {
            return false;
        }
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme();
            if (scheme == null || parsed.getRawFragment() != null) {
                return false;
            }
            String lower = scheme.toLowerCase(Locale.ROOT);
            if (lower.equals("http") || lower.equals("https")) {
                return parsed.getHost() != null;
            }
            return !REFUSED_SCHEMES.contains(lower);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isWebsite(String website) {
        try {
            URI parsed = new URI(website);
            return website.length() <= OAuthApp.WEBSITE_MAX
                    && ("https".equalsIgnoreCase(parsed.getScheme()) || "http".equalsIgnoreCase(parsed.getScheme()))
                    && parsed.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
