package org.microblog.web.language;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * The language of the page being answered: the one chosen with the switch (its cookie), else the browser's
 * preference among ours, else English. Templates read it as {@code #{language.tag}} for {@code <html lang>} and
 * {@code #{language.locale}} for {@code <f:view locale>}; {@link ViewsInPageLanguage} gives Faces
 * the same locale, so Faces never picks one from the request itself.
 */
@Named("language")
@RequestScoped
public class PageLanguage {

    private final Language language;

    @Inject
    public PageLanguage(HttpServletRequest request, LanguageCookie cookie) {
        this.language =
                cookie.read(request).orElseGet(() -> Language.preferredBy(request.getHeader("Accept-Language")));
    }

    /** For CDI's proxy only. */
    protected PageLanguage() {
        this.language = Language.DEFAULT;
    }

    public Language getCurrent() {
        return language;
    }

    public Locale getLocale() {
        return language.locale();
    }

    public String getTag() {
        return language.tag();
    }

    /** Every language, in the order the switch shows them. */
    public List<Language> getAll() {
        return List.of(Language.values());
    }
}
