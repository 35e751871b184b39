package org.microblog.web.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void aBrowserAskingForSpanishInAnyRegionGetsSpanish() {
        assertEquals(Language.SPANISH, Language.preferredBy("es"));
        assertEquals(Language.SPANISH, Language.preferredBy("es-MX,es;q=0.9,en;q=0.8"));
        assertEquals(Language.SPANISH, Language.preferredBy("es-419"));
        assertEquals(Language.SPANISH, Language.preferredBy("fr-FR, fr;q=0.9, es;q=0.5, en;q=0.2"));
    }

    @Test
    void theBrowsersOrderOfPreferenceDecides() {
        assertEquals(Language.ENGLISH, Language.preferredBy("en-GB, es;q=0.8"));
        assertEquals(Language.SPANISH, Language.preferredBy("en;q=0.3, es;q=0.8"));
    }

    @Test
    void anythingElseIsEnglish() {
        assertEquals(Language.ENGLISH, Language.preferredBy(null));
        assertEquals(Language.ENGLISH, Language.preferredBy(""));
        assertEquals(Language.ENGLISH, Language.preferredBy("fr-FR, de;q=0.5"));
        assertEquals(Language.ENGLISH, Language.preferredBy("*"));
        assertEquals(Language.ENGLISH, Language.preferredBy("es;q=2, ;;=="));
        assertEquals(Language.ENGLISH, Language.preferredBy("x".repeat(5000)));
        assertEquals(Language.ENGLISH, Language.preferredBy("../../WEB-INF/web.xml"));
    }

    @Test
    void onlyOurExactTagsNameALanguage() {
        assertEquals(Optional.of(Language.SPANISH), Language.ofTag("es"));
        assertEquals(Optional.of(Language.ENGLISH), Language.ofTag("en"));
        assertEquals(Optional.empty(), Language.ofTag("ES"));
        assertEquals(Optional.empty(), Language.ofTag("es-ES"));
        assertEquals(Optional.empty(), Language.ofTag("fr"));
        assertEquals(Optional.empty(), Language.ofTag(null));
        assertEquals(Locale.of("es"), Language.SPANISH.locale());
    }
}
