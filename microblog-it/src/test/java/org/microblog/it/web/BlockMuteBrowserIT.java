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

/**
 * Removing a follower, blocking and muting (issue 12), in a real Chromium against the deployed WAR. The other
 * person acts through a plain HTTP client (WebClient) or in the same browser after a sign-out.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class BlockMuteBrowserIT {

    @ArquillianResource
    URL base;

    Browser browser;

    @Test
    void removingAFollowerFromYourFollowersListEndsTheirFollowQuietly() {
        String carol = Names.unique("carol");
        String dan = Names.unique("dan");
        WebClient danClient = new WebClient(base);
        danClient.register(dan);
        browser.register(carol);
        follow(danClient, carol);

        browser.open("user/" + carol + "/followers");
        assertEquals(List.of(dan), browser.texts(".connection .author"));
        assertEquals("1 follower", browser.text("followers-count"));
        browser.clickAndWaitFor(buttonOfRow(".remove-follower-button", 0), dan + " no longer follows you.");

        assertEquals("0 followers", browser.text("followers-count"), "the count changes at once");
        assertEquals(List.of(), browser.texts(".connection .author"));
        browser.screenshot("followers-removed");
        assertEquals("0 following", danClient.open("user/" + dan).text("following-count"));
        WebClient.Page carolSeenByDan = danClient.open("user/" + carol);
        assertEquals("", carolSeenByDan.text("posts-hidden"), "a removed follower is not blocked");
        follow(danClient, carol);
        browser.open("user/" + carol);
        assertEquals("1 follower", browser.text("followers-count"), "and may follow again");
        browser.open("user/" + dan + "/followers");
        assertTrue(
                browser.driver()
                        .findElements(By.cssSelector(".remove-follower-button"))
                        .isEmpty(),
                "Remove is only on your own followers list");
    }

    @Test
    void blockingCutsTheFollowsBothWaysAndEachSideSeesWhatABlockMeans() {
        String erin = Names.unique("erin");
        String frank = Names.unique("frank");
        browser.register(erin);
        browser.post("e1 by " + erin);
        browser.signOut();
        browser.register(frank);
        browser.post("f1 by " + frank);
        browser.open("user/" + erin);
        browser.clickAndWaitFor("user:follow", "You are following " + erin + "!");
        browser.signOut();
        browser.signIn(erin);
        browser.open("user/" + frank);
        browser.clickAndWaitFor("user:follow", "You are following " + frank + "!");
        assertTrue(browser.texts(".post-body").contains("f1 by " + frank));

        browser.clickAndWaitFor("user:block", "You blocked " + frank + ".");

        assertEquals("0 followers", browser.text("followers-count"), "erin no longer follows frank");
        assertEquals("0 following", browser.text("following-count"), "frank no longer follows erin");
        assertEquals("Blocked", browser.text("blocked"));
        assertTrue(browser.text("posts-hidden").startsWith("You blocked " + frank + ":"));
        assertTrue(browser.texts(".post-body").isEmpty());
        assertFalse(browser.has("user:follow"), "no Follow across a block");
        browser.screenshot("profile-blocked-by-you");
        browser.clickAndWaitFor("user:unblock", "You unblocked " + frank + ".");
        assertTrue(browser.has("user:follow"), "unblocked from the profile");
        browser.clickAndWaitFor("user:block", "You blocked " + frank + ".");
        browser.open("");
        assertFalse(browser.texts(".post-body").contains("f1 by " + frank));
        browser.open("explore");
        assertTrue(browser.texts(".post-body").contains("e1 by " + erin));
        assertFalse(browser.texts(".post-body").contains("f1 by " + frank), "explore leaves out the blocked");
        browser.open("user/" + erin);
        assertEquals("0 followers", browser.text("followers-count"));
        browser.signOut();

        browser.signIn(frank);
        browser.open("user/" + erin);
        assertEquals(
                erin + " has blocked you. You cannot follow them or see their posts.", browser.text("posts-hidden"));
        assertTrue(browser.texts(".post-body").isEmpty());
        assertFalse(browser.has("user:follow"));
        assertFalse(browser.has("blocked"), "frank blocks nobody");
        browser.screenshot("profile-blocked-by-them");
        browser.open("explore");
        assertFalse(browser.texts(".post-body").contains("e1 by " + erin), "nor does explore show her posts");
        assertTrue(browser.texts(".post-body").contains("f1 by " + frank));
        browser.open("");
        browser.fill("followByName:username", erin);
        browser.clickAndLoad("followByName:submit");
        browser.waitForText("You cannot follow " + erin + ": " + erin + " has blocked you.");
        assertEquals("0 followers", new WebClient(base).open("user/" + erin).text("followers-count"));
        browser.signOut();

        browser.signIn(erin);
        String kit = Names.unique("kit");
        new WebClient(base).register(kit);
        browser.open("user/" + kit);
        browser.clickAndWaitFor("user:block", "You blocked " + kit + ".");
        browser.open("edit-profile");
        browser.clickAndLoad("blocked-people");
        assertEquals(List.of(kit, frank), browser.texts(".connection .author"), "the newest block first");
        browser.screenshot("blocked-list");
        browser.clickAndWaitFor(buttonOfRow(".unblock-button", 1), "You unblocked " + frank + ".");
        assertEquals(List.of(kit), browser.texts(".connection .author"));
        browser.clickAndWaitFor(buttonOfRow(".unblock-button", 0), "You unblocked " + kit + ".");
        browser.waitForText("You have not blocked anyone.");
        browser.open("user/" + frank);
        assertTrue(browser.has("user:follow"), "following is possible again");
        assertEquals("0 followers", browser.text("followers-count"), "unblocking brings back no follow");
        assertTrue(browser.texts(".post-body").contains("f1 by " + frank));
    }

    @Test
    void blockingYourselfIsNotOfferedAndRefusedWhenForged() {
        String gus = Names.unique("gus");
        WebClient gusClient = new WebClient(base);
        gusClient.register(gus);
        String hal = Names.unique("hal");
        browser.register(hal);
        browser.open("user/" + gus);
        assertTrue(browser.has("user:block"));

        WebClient.Page own = gusClient.get("user/" + gus);
        assertTrue(own.document().getElementById("user:block") == null, "no Block on your own profile");
        // The button of another profile, sent with oneself as the target, as a crafted request would.
        WebClient.Page other = gusClient.get("user/" + hal);
        WebClient.Page answer = gusClient.click(other, "user", "block", Map.of("target", gus));
        assertTrue(answer.status() < 500, () -> "status " + answer.status());
        assertTrue(answer.body().contains("You cannot block yourself."), answer::body);
    }

    @Test
    void mutingKeepsTheFollowButTakesThePostsOffTheTimelineUntilUnmuted() {
        String ivy = Names.unique("ivy");
        String jon = Names.unique("jon");
        WebClient jonClient = new WebClient(base);
        jonClient.register(jon);
        jonClient.follow(jonClient.submit(jonClient.get(""), "post", "submit", Map.of("post:body", "j1 by " + jon)));
        browser.register(ivy);
        browser.open("user/" + jon);
        assertFalse(browser.has("user:mute"), "Mute is for people you follow");
        browser.clickAndWaitFor("user:follow", "You are following " + jon + "!");
        browser.open("");
        assertEquals(List.of("j1 by " + jon), browser.texts(".post-body"));

        browser.open("user/" + jon);
        browser.clickAndWaitFor("user:mute", "You muted " + jon + ".");
        assertEquals("Muted", browser.text("muted"));
        assertEquals("1 follower", browser.text("followers-count"), "still a follower");
        assertTrue(browser.has("user:unfollow"));
        assertTrue(browser.texts(".post-body").contains("j1 by " + jon), "the profile still shows the posts");
        browser.screenshot("profile-muted");
        browser.open("");
        assertEquals(List.of(), browser.texts(".post-body"), "the timeline does not");
        browser.open("user/" + ivy);
        assertEquals("1 following", browser.text("following-count"));

        browser.open("user/" + jon);
        browser.clickAndWaitFor("user:unmute", "You unmuted " + jon + ".");
        assertFalse(browser.has("muted"));
        browser.open("");
        assertEquals(List.of("j1 by " + jon), browser.texts(".post-body"), "unmuting brings them back");
    }

    private static void follow(WebClient client, String username) {
        WebClient.Page profile = client.get("user/" + username);
        WebClient.Page answer = client.click(profile, "user", "follow", Map.of("target", username));
        assertTrue(answer.body().contains("You are following " + username + "!"), answer::body);
    }

    private String buttonOfRow(String cssClass, int row) {
        return browser.driver()
                .findElements(By.cssSelector(".connection " + cssClass))
                .get(row)
                .getAttribute("id");
    }
}
