package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * Microblog in English and Spanish, in a real Chromium: the language a browser prefers among the two, English
 * for any other; the switch at the foot of every page (error pages included), remembered in a cookie and never in
 * a session; and everything a page says in the chosen language, from the services' refusals to relative times.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class LanguageIT {

    @ArquillianResource
    URL base;

    Browser browser;

    @Test
    void aBrowserThatPrefersSpanishGetsSpanishPages() {
        browser.preferLanguages("es-MX,es;q=0.9,en;q=0.5");
        browser.open("");
        assertEquals("es", browser.pageLanguage());
        browser.waitForText("Microblog: di algo, sigue a gente, lee lo que dice.");
        browser.open("login");
        assertEquals("Entrar", browser.driver().findElement(By.tagName("h1")).getText());
        browser.open("explore");
        browser.waitForText("Todo lo que hay en Microblog");
        browser.open("user/" + Names.unique("nobody"));
        assertEquals("P\u00e1gina no encontrada", browser.text("error-title"));
        assertEquals("es", browser.pageLanguage());
        assertEquals(Set.of(), cookieNames(), "a visitor gets no cookie");
    }

    @Test
    void aLanguageWeDoNotSpeakFallsBackToEnglish() {
        browser.preferLanguages("fr-FR,fr;q=0.9,de;q=0.8");
        browser.open("");
        assertEquals("en", browser.pageLanguage());
        browser.waitForText("Microblog: say something, follow people, read what they say.");

        // A cookie that names another language (written by hand: the site never writes one) changes nothing.
        browser.driver().manage().addCookie(new Cookie("microblog_language", "fr"));
        browser.open("explore");
        assertEquals("en", browser.pageLanguage());
        browser.waitForText("Everything on Microblog");

        WebClient client = new WebClient(base);
        assertTrue(
                client.get("").header("Vary").orElse("").contains("Accept-Language"),
                "caches keep the languages of a page apart");
        WebClient.Page refused = client.post(client.uri("language"), Map.of("language", "fr", "next", "/"));
        assertEquals(400, refused.status(), "the switch takes only our languages");
        assertEquals(List.of(), refused.headers().allValues("Set-Cookie"));
        WebClient.Page elsewhere =
                client.post(client.uri("language"), Map.of("language", "es", "next", "https://evil.example/"));
        assertEquals(303, elsewhere.status());
        assertEquals(
                client.uri("").getPath(), elsewhere.header("Location").orElse(""), "only back to a page of this site");
    }

    @Test
    void theSwitchChangesTheLanguageAndItStaysAfterNavigation() {
        browser.open("explore");
        assertEquals("en", browser.pageLanguage());
        browser.chooseLanguage("es");
        assertEquals(browser.path("explore"), browser.currentPath(), "back on the same page");
        browser.waitForText("Todo lo que hay en Microblog");

        browser.clickAndLoad("nav-register");
        assertEquals("es", browser.pageLanguage());
        browser.waitForText("Crea tu cuenta");
        Cookie remembered = browser.driver().manage().getCookieNamed("microblog_language");
        assertEquals("es", remembered.getValue());
        assertTrue(remembered.isHttpOnly());
        assertEquals(Set.of("microblog_language"), cookieNames(), "no session for a visitor");

        browser.open("no/such/page");
        assertEquals("P\u00e1gina no encontrada", browser.text("error-title"));
        browser.chooseLanguage("en");
        assertEquals(browser.path("no/such/page"), browser.currentPath(), "the switch works on error pages");
        assertEquals("Page not found", browser.text("error-title"));
        browser.open("login");
        assertEquals("en", browser.pageLanguage());
    }

    @Test
    void aSignedInPersonReadsEverythingInSpanish() {
        String tomas = Names.unique("tomas");
        String emoji = "\uD83D\uDE00";
        browser.register(tomas);
        browser.chooseLanguage("es");
        browser.waitForText("\u00a1Hola, " + tomas + "!");
        browser.waitForText("Quedan 140 caracteres");

        browser.fill("post:body", "Hola a todos");
        browser.clickAndLoad("post:submit");
        browser.waitForText("\u00a1Tu publicaci\u00f3n ya est\u00e1 en l\u00ednea!");
        assertEquals("ahora mismo", browser.texts(".post-meta time").getFirst());

        browser.paste("post:body", emoji.repeat(141));
        browser.clickAndLoad("post:submit");
        browser.waitForText("Una publicaci\u00f3n tiene como mucho 140 caracteres.");

        browser.fill("followByName:username", tomas);
        browser.clickAndLoad("followByName:submit");
        browser.waitForText("\u00a1No puedes seguirte a ti mismo!");

        browser.open("user/" + tomas);
        assertEquals("0 seguidores", browser.text("followers-count"));
        browser.clickAndLoad("signOut:submit");
        browser.waitForText("Has cerrado la sesi\u00f3n.");
        assertEquals("es", browser.pageLanguage(), "the choice outlives the session");
    }

    private Set<String> cookieNames() {
        return browser.driver().manage().getCookies().stream()
                .map(Cookie::getName)
                .collect(Collectors.toSet());
    }
}
