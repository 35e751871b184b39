package org.microblog.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.microblog.service.account.AccountService;
import org.omnifaces.util.Servlets;

/**
 * Updates "last seen" as a signed-in user moves around, with a database write at most once a minute per
 * session (the time of the last write is the session's only other attribute, a few bytes).
 */
public class LastSeenFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final Duration WRITE_INTERVAL = Duration.ofMinutes(1);
    private static final String WRITTEN = "microblog.seenWritten";

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient AccountService accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null && request.getUserPrincipal() != null && !Servlets.isFacesResourceRequest(request)) {
            Instant now = Instant.now(Clock.systemUTC());
            Object written = session.getAttribute(WRITTEN);
            if (isDue(written instanceof Long millis ? Instant.ofEpochMilli(millis) : null, now)) {
                session.setAttribute(WRITTEN, now.toEpochMilli());
                accounts.recordSeen(currentUser.requireId(), now);
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether a write is due at {@code now} when the last was at {@code lastWrite} (null: never). */
    static boolean isDue(Instant lastWrite, Instant now) {
        return lastWrite == null || !now.isBefore(lastWrite.plus(WRITE_INTERVAL));
    }
}
