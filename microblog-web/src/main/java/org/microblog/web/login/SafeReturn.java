package org.microblog.web.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Where to go after signing in: a path on this site, never another site. The answer is the address the
 * browser is sent to, exactly: it is checked as a whole, after every transformation, and nothing changes
 * it afterwards (a redirect helper that took {@code http://...} for an absolute address once turned
 * {@code /http://evil.example} into a way off the site).
 *
 * <p>Accepted: a path that starts with one {@code /} followed by something other than {@code /} or
 * {@code \}, made of printable ASCII without {@code \}, {@code :} or spaces, under the context path.
 * Anything else ({@code //evil}, {@code /\evil}, {@code https://...}, {@code javascript:}, a tab or a
 * space before the slashes, {@code /HTTP://h}) means the home page.
 */
public final class SafeReturn {

    private static final Pattern PATH = Pattern.compile("/[!-~&&[^/\\\\:]][!-~&&[^\\\\:]]*");

    private SafeReturn() {}

    /** {@code next} if it is a safe path on this site (context path included), else the home page. */
    public static String path(String next, String contextPath) {
        String home = contextPath + "/";
        if (next == null || !PATH.matcher(next).matches() || !next.startsWith(home)) {
            return home;
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : home;
        } catch (URISyntaxException e) {
            return home;
        }
    }
}
