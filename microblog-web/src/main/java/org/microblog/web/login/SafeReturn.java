package org.microblog.web.login;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where to go after signing in: a path on this site, never another site. Anything that is not a plain
 * absolute path ({@code //evil.example}, {@code https://...}, {@code \evil}, {@code javascript:}) means home.
 */
final class SafeReturn {

    private SafeReturn() {}

    /** {@code next} as a path relative to the context root (no leading slash), or "" for home. */
    static String relativePath(String next, String contextPath) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "";
        }
        try {
            URI uri = new URI(next);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return "";
            }
        } catch (URISyntaxException e) {
            return "";
        }
        String path = next;
        if (!contextPath.isEmpty()) {
            if (!path.startsWith(contextPath + "/")) {
                return "";
            }
            path = path.substring(contextPath.length());
        }
        return path.substring(1);
    }
}
