package org.microblog.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The HTTP session of a signed-in user, the only kind of session Microblog has. Besides the caller that
 * Jakarta Security keeps there, it holds two small values and nothing else, so that it costs little to keep
 * and to replicate across a cluster:
 *
 * <ul>
 * <li>the <b>write token</b>: a random value that every form of a signed-in page carries (the tag
 * {@code mb:writeToken}) and that WriteProtectionFilter requires on every signed-in POST, so that another
 * site cannot make the browser change anything (the views are stateless, so Faces' ViewState protects
 * nothing);</li>
 * <li>the user's <b>credentials version</b> at sign-in: a password change or "sign out everywhere" bumps it
 * in the database, which ends this session on its next request (CredentialsCheckFilter).</li>
 * </ul>
 */
public final class SignedInSession {

    /** The name of the write token's form field. */
    public static final String WRITE_TOKEN_PARAMETER = "microblog.writeToken";

    private static final String WRITE_TOKEN = "microblog.writeToken";
    private static final String CREDENTIALS_VERSION = "microblog.credentialsVersion";
    private static final int TOKEN_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignedInSession() {}

    /**
     * Someone becomes signed in: the session gets a new id (against session fixation; a visitor has no session
     * to renew, so theirs is new anyway), a fresh write token and the credentials version.
     */
    static void begin(HttpServletRequest request, long credentialsVersion) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(WRITE_TOKEN, newToken());
        session.setAttribute(CREDENTIALS_VERSION, credentialsVersion);
    }

    /** After the signed-in user changed their own password: this session stays, with a new id. */
    public static void credentialsChanged(HttpServletRequest request, long credentialsVersion) {
        request.changeSessionId();
        request.getSession().setAttribute(CREDENTIALS_VERSION, credentialsVersion);
    }

    /** Whether the session was signed in with the user's current credentials. */
    public static boolean isCurrent(HttpServletRequest request, long credentialsVersion) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(CREDENTIALS_VERSION) instanceof Long version
                && version == credentialsVersion;
    }

    /** The session's write token; empty without a signed-in session. Never creates a session. */
    public static Optional<String> writeToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(WRITE_TOKEN) instanceof String token
                ? Optional.of(token)
                : Optional.empty();
    }

    /** Whether the request carries this session's write token (compared in constant time). */
    static boolean carriesWriteToken(HttpServletRequest request) {
        String sent = request.getParameter(WRITE_TOKEN_PARAMETER);
        return sent != null
                && writeToken(request)
                        .filter(token -> MessageDigest.isEqual(
                                token.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII)))
                        .isPresent();
    }

    /** Signs out of this session and discards it. */
    public static void end(HttpServletRequest request) throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
