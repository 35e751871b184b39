package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Who to follow, "X followed you" and the generated avatars, in a real Chromium against the deployed WAR.
 * Screenshots go to {@code microblog-it/target/screenshots} with the others.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class SocialBrowserIT {

    @ArquillianResource
    URL base;

    Browser browser;

    private JavascriptExecutor script() {
        return (JavascriptExecutor) browser.driver();
    }

    /** {@code who} (signed in through its own client) follows {@code whom}, with the profile's button. */
    private static void follows(WebClient who, String whom) {
        WebClient.Page profile = who.get("user/" + whom);
        WebClient.Page done = who.click(profile, "user", "follow", Map.of("target", whom));
        assertTrue(done.body().contains("You are following"), done::body);
    }

    private static WebClient signedIn(URL base, String username) {
        new WebClient(base).register(username);
        WebClient client = new WebClient(base);
        client.signIn(username);
        return client;
    }

    @Test
    void theHomePageSuggestsWhomTheFollowedFollowAndFollowsInOneClick() {
        String me = Names.unique("me");
        String bob = Names.unique("bob");
        String cid = Names.unique("cid");
        String dee = Names.unique("dee");
        WebClient bobClient = signedIn(base, bob);
        WebClient cidClient = signedIn(base, cid);
        signedIn(base, dee);
        follows(bobClient, dee);
        follows(cidClient, dee);
        follows(bobClient, cid);
        // Someone followed whom none of them follows, for the most-followed list, whoever else there is.
        String eve = Names.unique("eve");
        signedIn(base, eve);
        follows(signedIn(base, Names.unique("fan")), eve);
        browser.register(me);
        browser.open("user/" + bob);
        browser.clickAndWaitFor("user:follow", "You are following " + bob + "!");
        browser.open("user/" + cid);
        browser.clickAndWaitFor("user:follow", "You are following " + cid + "!");

        browser.open("");
        List<String> suggested = browser.texts(".suggestion .author");
        assertEquals(dee, suggested.getFirst(), "followed by both of the people me follows");
        assertFalse(suggested.contains(cid), "cid is followed already");
        String followedBy = browser.texts(".suggestion .followed-by").getFirst();
        assertTrue(
                followedBy.equals("Followed by " + bob + " and 1 other")
                        || followedBy.equals("Followed by " + cid + " and 1 other"),
                followedBy);
        browser.screenshot("home-who-to-follow");

        WebElement follow = browser.driver().findElement(By.cssSelector(".suggestion .follow-button"));
        browser.clickAndWaitFor(follow.getAttribute("id"), "You are following " + dee + "!");
        browser.until(d -> !browser.texts(".suggestion .author").contains(dee));
        browser.open("user/" + dee);
        assertTrue(browser.has("user:unfollow"), "followed from the suggestion");

        browser.open("");
        browser.clickAndLoad("suggestions-more");
        assertEquals(browser.path("who-to-follow"), browser.currentPath());
        List<String> more = browser.texts(".suggestion .author");
        assertFalse(
                more.contains(dee) || more.contains(bob) || more.contains(cid) || more.contains(me), more::toString);
        assertFalse(more.isEmpty(), "then the most-followed people");
        assertTrue(browser.texts(".suggestion .followed-by").stream()
                .allMatch(text -> text.matches("Followed by \\d+ (person|people)")));
        browser.screenshot("who-to-follow");
    }

    @Test
    void aNewFollowerShowsInTheMenuCountAndIsReadOnTheNotificationsPage() {
        String me = Names.unique("me");
        String fan = Names.unique("fan");
        WebClient fanClient = signedIn(base, fan);
        browser.register(me);
        assertFalse(browser.has("unread-count"), "nothing unread yet");

        follows(fanClient, me);
        browser.open("");

        assertEquals("1", browser.text("unread-count"));
        assertEquals(
                "Notifications, 1 unread", browser.element("nav-notifications").getAttribute("aria-label"));
        browser.resize(390, 844);
        browser.screenshot("home-phone-unread-notification");
        browser.resize(1280, 1000);
        browser.clickAndLoad("nav-notifications");
        assertEquals(List.of(fan), browser.texts(".notification .author"));
        assertEquals(List.of("New"), browser.texts(".notification.unread .badge"));
        assertFalse(browser.has("unread-count"), "read once shown: the menu count is gone");
        browser.screenshot("notifications");

        browser.open("notifications");
        assertEquals(List.of(fan), browser.texts(".notification .author"));
        assertTrue(browser.texts(".notification.unread").isEmpty(), "no longer new");
    }

    @Test
    void avatarsAreImagesFromThisSite() {
        String me = Names.unique("me");
        browser.register(me);
        browser.post("a post with my avatar");

        for (String page : List.of("", "user/" + me)) {
            browser.open(page);
            List<WebElement> avatars = browser.driver().findElements(By.cssSelector("img.avatar"));
            assertFalse(avatars.isEmpty(), page);
            for (WebElement avatar : avatars) {
                String src = avatar.getAttribute("src");
                assertTrue(src.startsWith(base.toString().replaceAll("/$", "") + "/avatars/"), src);
                browser.until(d -> Boolean.TRUE.equals(script().executeScript("return arguments[0].complete", avatar)));
                Number width = (Number) script().executeScript("return arguments[0].naturalWidth", avatar);
                assertTrue(width.intValue() > 0, () -> "not loaded: " + src);
            }
        }
    }
}
