package org.microblog.web.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Where to go after signing in: a path on this site, never another site, and one the container will serve. The
 * answer is the address the browser is sent to, exactly: it is checked as a whole, after every transformation,
 * and nothing changes it afterwards (a redirect helper that took {@code http://...} for an absolute address once
 * turned {@code /http://evil.example} into a way off the site).
 *
 * <p>Accepted: a path that starts with one {@code /} followed by something other than {@code /} or
 * {@code \}, made of printable ASCII without {@code \}, {@code :} or spaces, under the context path, with no
 * {@code %}-escape before its query. Anything else ({@code //evil}, {@code /\evil}, {@code https://...},
 * {@code javascript:}, a tab or a space before the slashes, {@code /HTTP://h}, {@code /%5Cevil}) means the home
 * page.
 *
 * <p>Why no escape in the path: no page of this site needs one (usernames are plain ASCII, {@code
 * User.USERNAME_PATTERN}), and Payara answers several with a bare 400 of its own before the application sees
 * the request ({@code %5C}, a backslash; {@code %2E}, a dot; {@code %00}), or reads them as structure ({@code
 * %2F}, another segment; {@code %3B}, a path parameter). A signed-in user sent there would see an empty error
 * instead of the site. The query keeps its escapes: the page that reads it decodes them.
 */
public final class SafeReturn {

    private static final Pattern PATH = Pattern.compile("/[!-~&&[^/\\\\:]][!-~&&[^\\\\:]]*");

    private SafeReturn() {}

    /** {@code next} if it is a safe path on this site (context path included), else the home page. */
    public static String path(String next, String contextPath) {
        String home = contextPath + "/";
        if (next == null || !PATH.matcher(next).matches() || !next.startsWith(home) || hasEscapedPath(next)) {
            return home;
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : home;
        } catch (URISyntaxException e) {
            return home;
        }
    }

    /** Whether the part before the query (or fragment) holds a {@code %}-escape. */
    private static boolean hasEscapedPath(String next) {
        int end = next.length();
        for (char separator : new char[] {'?', '#'}) {
            int at = next.indexOf(separator);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return next.substring(0, end).indexOf('%') >= 0;
    }
}
