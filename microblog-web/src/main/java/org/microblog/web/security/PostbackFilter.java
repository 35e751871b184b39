package org.microblog.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A request that Faces would take for a form's postback (or an AJAX request) must be one that our pages send: a
 * POST with the page's script nonce. Anything else is answered 400 with our error page and one log line, before
 * any of the application runs (mapped in web.xml after the request limits and the outage filter):
 *
 * <ul>
 * <li><b>A GET or HEAD that carries Faces' postback parameters.</b> Faces takes any request with a view state for a
 * postback, whatever its method, and would run the form's action; a link on any site could then sign a visitor in
 * as someone else, or post and follow for a signed-in one, since browsers send their cookies with a top-level GET
 * from another site. {@link PostbacksArePosts} makes Faces itself never take a GET for a postback; this answers
 * such a request as what it is, a forgery.</li>
 * <li><b>A postback without a well-formed script nonce.</b> PrimeFaces puts the nonce of the page's
 * Content-Security-Policy into every form and checks it only when it renders the answer, after the form's action
 * has run, and a malformed one then fails with a stack trace. The nonce is checked here in the same shape that
 * PrimeFaces makes it (Base64 of a UUID), so nothing runs and nothing fails later.</li>
 * </ul>
 *
 * Cross-site requests and the write token are {@link WriteProtectionFilter}'s, mapped next.
 */
public class PostbackFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PostbackFilter.class.getName());

    static final String NONCE = "primefaces.nonce";
    /** Every parameter of Faces' own protocol: the view state, AJAX's partial.*, source, behavior.event... */
    private static final String FACES_PARAMETERS = "jakarta.faces.";
    /** The header of a Faces AJAX request ({@code partial/ajax}, {@code partial/process}). */
    private static final String FACES_REQUEST_HEADER = "Faces-Request";
    /** What PrimeFaces' nonce decodes to: the canonical text of a random UUID. */
    private static final Pattern NONCE_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isFacesPostback(request)) {
            chain.doFilter(request, response);
        } else if (!"POST".equals(request.getMethod())) {
            refuse(request, response, "a postback must be a POST");
        } else if (!isWellFormedNonce(request.getParameter(NONCE))) {
            refuse(request, response, "it lacks a well-formed script nonce");
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * Whether Faces would take the request for a postback or an AJAX request: it carries any parameter of Faces'
     * protocol ({@code jakarta.faces.ViewState} among them), PrimeFaces' nonce, or the {@code Faces-Request}
     * header. No link or address of ours has any of them.
     */
    static boolean isFacesPostback(HttpServletRequest request) {
        return request.getHeader(FACES_REQUEST_HEADER) != null
                || request.getParameterMap().keySet().stream()
                        .anyMatch(name -> name.startsWith(FACES_PARAMETERS) || name.equals(NONCE));
    }

    /** Whether {@code nonce} has the shape PrimeFaces makes and accepts: Base64 of a UUID's text. */
    static boolean isWellFormedNonce(String nonce) {
        if (nonce == null || nonce.length() != 48) {
            return false;
        }
        try {
            return NONCE_TEXT
                    .matcher(new String(Base64.getDecoder().decode(nonce), StandardCharsets.ISO_8859_1))
                    .matches();
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException {
        LOG.info(() -> "Refused a forged request, 400 for " + request.getMethod() + " " + request.getRequestURI() + ": "
                + why);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
