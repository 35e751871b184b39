package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * How Microblog looks, in a real Chromium: screenshots of the main pages at 1280 and 390 px wide in
 * {@code microblog-it/target/screenshots/look-*.png} (the build's artifacts), and the layout facts that a
 * screenshot shows and a change could break: the menu on one line on a phone, no sideways scrolling, the flash
 * message's close button inside its box, form cards without an empty band, one typeface and one button style,
 * accessible names without icon glyphs, the same menu on error pages, a favicon, plurals in the counter.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class LookIT {

    private static final int LAPTOP = 1280;
    private static final int PHONE = 390;

    @ArquillianResource
    URL base;

    Browser browser;

    @Test
    void theMainPagesAtLaptopAndPhoneWidthKeepTheirLayout() {
        String susan = Names.unique("susan");
        WebClient other = new WebClient(base);
        other.register(susan);
        other.follow(other.submit(other.get(""), "post", "submit", Map.of("post:body", "Hello from " + susan)));

        atBothWidths("login", "login");
        atBothWidths("register", "register");
        atBothWidths("forgot-password", "forgot-password");
        atBothWidths("reset-password-used", "reset-password?token=used");
        atBothWidths("welcome", "");

        String me = Names.unique("olivia");
        browser.register(me);
        browser.open("user/" + susan);
        browser.clickAndWaitFor("user:follow", "You are following " + susan + "!");
        browser.post("A post to see how the timeline looks, long enough to wrap on a phone's narrow screen.");
        // The flash message ("Your post is now live!") is on the page: its close button must sit inside it.
        shoot("home", true);
        atBothWidths("explore", "explore");
        atBothWidths("profile", "user/" + susan);
        atBothWidths("not-found", "user/" + Names.unique("nobody"));
        other.follow(other.submit(
                other.get("messages/" + me),
                "message",
                "submit",
                Map.of("message:body", "Hello " + me + ", welcome!")));
        atBothWidths("messages", "messages");
        atBothWidths("conversation", "messages/" + susan);
        atBothWidths("search", "search?q=hello+" + susan);
        browser.open("edit-profile");
        browser.clickAndLoad("export:submit");
        browser.waitForText("Your export of 1 post is ready."); // the page reloads itself until then
        atBothWidths("export", "export");
        atBothWidthsShowing("edit-profile-export", "edit-profile", "export");

        browser.open("");
        browser.chooseLanguage("es");
        browser.fill("post:body", "Una publicaci\u00f3n para ver la cronolog\u00eda en espa\u00f1ol.");
        browser.clickAndLoad("post:submit");
        browser.waitForText("\u00a1Tu publicaci\u00f3n ya est\u00e1 en l\u00ednea!");
        shoot("home-es", true);
        atBothWidths("messages-es", "messages");
        atBothWidths("conversation-es", "messages/" + susan);
        atBothWidths("search-es", "search?q=hello+" + susan);
        atBothWidths("export-es", "export");
        atBothWidthsShowing("edit-profile-export-es", "edit-profile", "export");
        atBothWidths("forgot-password-es", "forgot-password");
        atBothWidths("reset-password-used-es", "reset-password?token=used");
    }

    private void atBothWidths(String name, String path) {
        browser.open(path);
        shoot(name, false);
    }

    /** As {@link #atBothWidths}, scrolled so that the element {@code id} is in view (a card low on a long page). */
    private void atBothWidthsShowing(String name, String path, String id) {
        browser.open(path);
        shoot(name, false, id);
    }

    /** Screenshots the page at both widths, checking its layout at each. */
    private void shoot(String name, boolean withFlash) {
        shoot(name, withFlash, null);
    }

    private void shoot(String name, boolean withFlash, String scrollTo) {
        for (int width : List.of(LAPTOP, PHONE)) {
            browser.viewport(width, width == PHONE ? 844 : 900, width == PHONE);
            assertEquals(width, ((Number) browser.script("return window.innerWidth")).intValue(), name);
            checkLayout(name + " at " + width + " px", withFlash);
            if (scrollTo != null) {
                browser.script("document.getElementById(arguments[0]).scrollIntoView({block: 'end'})", scrollTo);
            }
            browser.screenshot("look-" + name + "-" + width);
        }
        browser.resetViewport();
    }

    private void checkLayout(String page, boolean withFlash) {
        @SuppressWarnings("unchecked")
        List<Number> tops = (List<Number>) browser.script("return Array.from(document.querySelectorAll('nav.menu > *'))"
                + ".filter(e => e.getClientRects().length > 0)"
                + ".map(e => e.getBoundingClientRect().top);");
        assertTrue(tops.size() >= 4, () -> page + ": menu items " + tops);
        double first = tops.getFirst().doubleValue();
        assertTrue(
                tops.stream().allMatch(top -> Math.abs(top.doubleValue() - first) < 1),
                () -> page + ": the menu's items are not on one line, their tops are " + tops);
        assertTrue(
                (Boolean) browser.script(
                        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                () -> page + ": the page scrolls sideways");
        if (withFlash) {
            assertTrue(
                    (Boolean) browser.script("""
                            const close = document.querySelector('.ui-messages .ui-messages-close');
                            const box = close.closest('.ui-messages > div').getBoundingClientRect();
                            const button = close.getBoundingClientRect();
                            return button.top >= box.top && button.bottom <= box.bottom
                                && button.left >= box.left && button.right <= box.right;"""),
                    () -> page + ": the flash message's close button is outside its box");
            String closeName = browser.driver()
                    .findElement(By.cssSelector(".ui-messages .ui-messages-close"))
                    .getAccessibleName();
            assertTrue(
                    closeName.equals("Close") || closeName.equals("Cerrar"),
                    () -> page + ": the close button is called \"" + closeName + "\"");
        }
    }

    @Test
    void formCardsEndAtTheirLastLineAndAOneFieldFormHasNoAsterisk() {
        browser.register(Names.unique("paula"));
        browser.open("");
        for (String card : List.of("post", "followByName")) {
            double band = ((Number) browser.script("""
                            const card = document.getElementById(arguments[0]);
                            const style = getComputedStyle(card);
                            const last = Math.max(...Array.from(card.children)
                                .filter(e => e.getClientRects().length > 0)
                                .map(e => e.getBoundingClientRect().bottom));
                            return card.getBoundingClientRect().bottom - last
                                - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth);""", card)).doubleValue();
            assertTrue(band < 1, () -> card + " ends in an empty band of " + band + " px");
        }
        assertTrue(
                browser.driver()
                        .findElements(By.cssSelector("form .ui-outputlabel-rfi"))
                        .isEmpty(),
                "a required-field asterisk on a one-field form");
    }

    @Test
    void pagesUseOneTypefaceAndOneButtonStyleAndButtonsHaveTheirTextAsName() {
        browser.open("");
        String linkButton = buttonStyle(browser.element("welcome-signin"));
        browser.open("login");
        assertEquals(linkButton, buttonStyle(browser.element("login:submit")), "a PrimeFaces button and ours");

        browser.register(Names.unique("quinn"));
        browser.open("");
        String page = font(browser.driver().findElement(By.tagName("body")));
        for (String id : List.of("post:body", "post:submit", "followByName:username", "signOut:submit")) {
            assertEquals(page, font(browser.element(id)), id);
        }
        assertEquals("Post", browser.accessibleName("post:submit"));
        assertEquals("Follow", browser.accessibleName("followByName:submit"));
        assertEquals("Sign out", browser.accessibleName("signOut:submit"));
        List<String> glyphs = new ArrayList<>();
        for (WebElement button : browser.driver().findElements(By.cssSelector("button, a"))) {
            String name = button.getAccessibleName();
            if (!name.isEmpty() && !Character.isLetterOrDigit(name.codePointAt(0))) {
                glyphs.add(button.getAttribute("id") + ": \"" + name + "\"");
            }
        }
        assertEquals(List.of(), glyphs, "accessible names that do not start with a word");
    }

    private String font(WebElement element) {
        return element.getCssValue("font-family");
    }

    private String buttonStyle(WebElement element) {
        return String.join(
                " ",
                element.getCssValue("background-color"),
                element.getCssValue("color"),
                element.getCssValue("border-radius"),
                element.getCssValue("font-weight"),
                element.getCssValue("font-family"));
    }

    @Test
    void errorPagesShowTheSameMenuAndSigningOutWorksFromThem() {
        String rita = Names.unique("rita");
        browser.register(rita);
        browser.open("explore");
        List<String> menu = menuItems();
        browser.open("no/such/page");
        assertEquals("Page not found", browser.text("error-title"));
        assertEquals(menu, menuItems(), "the 404 page's menu");
        browser.open("user/" + Names.unique("nobody"));
        assertEquals(menu, menuItems(), "the menu of a profile that does not exist");

        browser.signOut();
        assertTrue(browser.has("nav-signin"), "signed out from the error page");
    }

    @Test
    void theUnavailablePageShowsOnlyTheMenuItemsThatNeedNoDatabase() {
        WebClient client = new WebClient(base);
        client.register(Names.unique("ursula"));
        WebClient.Page unavailable = client.get("it-probe/unavailable");
        assertEquals(503, unavailable.status());
        assertEquals("Unavailable for a moment", unavailable.text("error-title"));
        assertEquals(
                List.of("nav-home", "nav-explore"),
                unavailable.document().select("nav.menu [id]").eachAttr("id"),
                "signed in, but Profile and Sign out need the database");
        client.addCookie("microblog_language", "es");
        assertEquals(
                "No disponible por un momento",
                client.get("it-probe/unavailable").text("error-title"));
    }

    private List<String> menuItems() {
        return browser.texts("nav.menu a[id], nav.menu button");
    }

    @Test
    void everyPageHasTheFavicon() {
        WebClient client = new WebClient(base);
        for (String path : List.of("", "explore", "login", "user/" + Names.unique("nobody"))) {
            browser.open(path);
            String href = browser.driver()
                    .findElement(By.cssSelector("link[rel=icon]"))
                    .getDomAttribute("href");
            WebClient.Page icon = client.get(href);
            assertEquals(200, icon.status(), path);
            assertEquals("image/svg+xml", icon.header("Content-Type").orElse("").split(";")[0], path);
        }
    }

    @Test
    void theCounterSaysCharacterForOneAndCharactersForTheRest() {
        browser.register(Names.unique("sam"));
        browser.open("");
        browser.fill("post:body", "x".repeat(139));
        assertEquals("1 character left", browser.text("post:remaining"));
        browser.fill("post:body", "x".repeat(138));
        assertEquals("2 characters left", browser.text("post:remaining"));
        browser.fill("post:body", "x".repeat(141));
        assertEquals("Over the limit by 1 character", browser.text("post:remaining"));
        browser.fill("post:body", "x".repeat(142));
        assertEquals("Over the limit by 2 characters", browser.text("post:remaining"));

        browser.chooseLanguage("es");
        browser.fill("post:body", "x".repeat(139));
        assertEquals("Queda 1 car\u00e1cter", browser.text("post:remaining"));
        browser.fill("post:body", "x".repeat(130));
        assertEquals("Quedan 10 caracteres", browser.text("post:remaining"));
        browser.fill("post:body", "x".repeat(141));
        assertEquals("Sobra 1 car\u00e1cter", browser.text("post:remaining"));
    }
}
