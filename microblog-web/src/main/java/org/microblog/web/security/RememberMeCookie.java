package org.microblog.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The "Remember me" cookie: one random per-device token (RememberMeService keeps it hashed), HttpOnly,
 * SameSite=Lax (a cross-site POST never carries it), Secure when {@code microblog.cookies.secure} is on or the
 * request came over HTTPS (behind a balancer that ends TLS, the instance learns it from X-Forwarded-Proto).
 */
@ApplicationScoped
public class RememberMeCookie {

    static final String NAME = "microblog_remember";

    @Inject
    @ConfigProperty(name = "microblog.remember-me.days", defaultValue = "14")
    int days;

    @Inject
    @ConfigProperty(name = "microblog.cookies.secure", defaultValue = "false")
    boolean secureOnly;

    Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(cookie -> NAME.equals(cookie.getName()))
                        .map(Cookie::getValue)
                        .filter(value -> !value.isBlank())
                        .findFirst();
    }

    void write(HttpServletRequest request, HttpServletResponse response, String token) {
        response.addCookie(cookie(request, token, (int) Duration.ofDays(days).toSeconds()));
    }

    void delete(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    private Cookie cookie(HttpServletRequest request, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureOnly || request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
