package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Search as people use it in Chromium: the menu's box on a laptop, Follow on a person found, their page, and the
 * magnifier on a phone.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class SearchBrowserIT {

    @ArquillianResource
    URL base;

    Browser browser;

    @Test
    void wordsTypedIntoTheMenuFindThePostAndTheAuthorIsFollowedFromTheResults() {
        String zoe = Names.unique("zoe");
        String word = "v" + zoe.replaceAll("[^A-Za-z0-9]", "");
        WebClient zoeClient = new WebClient(base);
        zoeClient.register(zoe);
        zoeClient.follow(zoeClient.submit(
                zoeClient.get(""), "post", "submit", Map.of("post:body", "Crème brûlée at the café " + word)));
        String yan = Names.unique("yan");
        browser.register(yan);

        browser.open("");
        var box = browser.driver().findElement(By.cssSelector("#menu-search input[name=q]"));
        box.sendKeys("creme BRULEE " + word + Keys.ENTER);
        browser.waitForText("Crème brûlée at the café " + word);
        assertEquals(browser.path("search"), browser.currentPath());
        assertEquals(List.of("Crème brûlée at the café " + word), browser.texts(".posts .post-body"));
        assertEquals("creme BRULEE " + word, browser.element("search-q").getAttribute("value"));

        browser.fill("search-q", zoe.substring(0, zoe.length() - 1));
        browser.element("search-q").sendKeys(Keys.ENTER);
        browser.waitForText(zoe);
        browser.driver()
                .findElement(By.cssSelector(".connection .follow-button"))
                .click();
        browser.until(d ->
                !d.findElements(By.cssSelector(".connection .unfollow-button")).isEmpty());
        assertTrue(zoeClient.get("user/" + zoe + "/followers").body().contains(yan), "followed from the search page");
        browser.driver().findElement(By.cssSelector(".connection a.author")).click();
        browser.until(d -> browser.currentPath().equals(browser.path("user/" + zoe)));
    }

    @Test
    void onAPhoneTheMagnifierOpensTheSearchPage() {
        browser.viewport(390, 844, true);
        try {
            browser.open("explore");
            assertTrue(!browser.driver()
                    .findElement(By.cssSelector("#menu-search input"))
                    .isDisplayed());
            browser.driver().findElement(By.cssSelector("#menu-search button")).click();
            browser.until(d -> browser.currentPath().equals(browser.path("search")));
            browser.waitForText("Find people by the start of their username");
            assertTrue(browser.element("search-q").isDisplayed());
        } finally {
            browser.resetViewport();
        }
    }
}
