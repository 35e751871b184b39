package org.microblog.web.language;

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
 * The language a person chose with the switch, remembered for a year in a cookie (never in the HTTP session: a
 * visitor has none). It holds a language tag ("en", "es"); any other value is ignored.
 */
@ApplicationScoped
public class LanguageCookie {

    static final String NAME = "microblog_language";
    private static final int MAX_AGE_SECONDS = (int) Duration.ofDays(365).toSeconds();

    @Inject
    @ConfigProperty(name = "microblog.cookies.secure", defaultValue = "false")
    boolean secureOnly;

    /** The language this browser chose, if it chose one of ours. */
    public Optional<Language> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(cookie -> NAME.equals(cookie.getName()))
                        .map(Cookie::getValue)
                        .flatMap(value -> Language.ofTag(value).stream())
                        .findFirst();
    }

    void write(HttpServletRequest request, HttpServletResponse response, Language language) {
        Cookie cookie = new Cookie(NAME, language.tag());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(MAX_AGE_SECONDS);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureOnly);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
