package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * What people do in Microblog, in a real Chromium against the deployed WAR. Screenshots of the main
 * pages go to {@code microblog-it/target/screenshots}.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class BrowserIT {

    @ArquillianResource
    URL base;

    Browser browser;

    @Test
    void followingBringsSomeonesPostsIntoTheHomeTimelineAndUnfollowingTakesThemOut() {
        String alice = Names.unique("alice");
        String bob = Names.unique("bob");
        browser.open("");
        assertTrue(browser.has("welcome-register"), "signed-out home is the welcome page");
        browser.screenshot("welcome");

        browser.open("register");
        browser.screenshot("register");
        browser.register(alice);
        browser.post("a1 by " + alice);
        browser.signOut();
        browser.register(bob);
        browser.post("b1 by " + bob);
        browser.signOut();
        browser.open("login");
        browser.screenshot("login");
        browser.signIn(alice);
        browser.post("a2 by " + alice);
        browser.signOut();

        browser.signIn(bob);
        browser.open("user/" + alice);
        assertEquals("0 followers", browser.text("followers-count"));
        browser.clickAndWaitFor("user:follow", "You are following " + alice + "!");
        assertEquals("1 follower", browser.text("followers-count"), "the count changes at once");
        assertTrue(browser.has("user:unfollow"));
        browser.screenshot("profile");

        browser.open("");
        assertEquals(
                List.of("a2 by " + alice, "b1 by " + bob, "a1 by " + alice),
                browser.texts(".post-body"),
                "own and followed posts, newest first");
        browser.fill("post:body", "12345");
        browser.waitForText("135 characters left");
        browser.screenshot("home");
        browser.resize(390, 844);
        browser.screenshot("home-phone");
        browser.resize(1280, 1000);

        browser.open("user/" + bob);
        assertEquals("1 following", browser.text("following-count"));
        assertTrue(browser.has("edit-profile"), "own profile offers editing");
        browser.open("user/" + alice + "/followers");
        assertEquals(List.of(bob), browser.texts(".connection .author"));
        browser.screenshot("followers");

        browser.open("user/" + alice);
        browser.clickAndWaitFor("user:unfollow", "You are not following " + alice + ".");
        assertEquals("0 followers", browser.text("followers-count"));
        browser.open("");
        assertEquals(List.of("b1 by " + bob), browser.texts(".post-body"), "unfollowed posts are gone");

        browser.open("explore");
        List<String> everything = browser.texts(".post-body");
        assertTrue(
                everything.indexOf("a2 by " + alice) < everything.indexOf("b1 by " + bob)
                        && everything.indexOf("b1 by " + bob) < everything.indexOf("a1 by " + alice),
                everything::toString);
        browser.screenshot("explore");
        browser.open("edit-profile");
        browser.screenshot("edit-profile");
        browser.open("user/" + Names.unique("nobody"));
        assertEquals("Page not found", browser.text("error-title"));
        browser.screenshot("not-found");
    }

    @Test
    void followingFromTheFollowersListChangesTheButtonAndTheCounts() {
        String carol = Names.unique("carol");
        String dan = Names.unique("dan");
        new WebClient(base).register(dan);
        WebClient danClient = new WebClient(base);
        danClient.signIn(dan);
        browser.register(carol);
        // dan follows carol, so carol sees dan in her followers list and can follow back from there.
        WebClient.Page profile = danClient.get("user/" + carol);
        danClient.click(profile, "user", "follow", java.util.Map.of("target", carol));

        browser.open("user/" + carol + "/followers");
        assertEquals(List.of(dan), browser.texts(".connection .author"));
        browser.clickAndWaitFor(followButtonOfRow(0), "You are following " + dan + "!");

        assertEquals(
                1,
                browser.driver()
                        .findElements(By.cssSelector(".connection .unfollow-button"))
                        .size());
        browser.open("user/" + carol);
        assertEquals("1 following", browser.text("following-count"));
        browser.open("user/" + dan);
        assertTrue(browser.has("follows-you"), "dan follows carol: his profile says so");
    }

    private String followButtonOfRow(int row) {
        WebElement button = browser.driver()
                .findElements(By.cssSelector(".connection .follow-button"))
                .get(row);
        return button.getAttribute("id");
    }

    @Test
    void refusalsAreClearMessagesOnThePage() {
        String erin = Names.unique("erin");
        String frank = Names.unique("frank");
        WebClient frankClient = new WebClient(base);
        frankClient.register(frank);
        browser.register(erin);
        browser.open("user/" + frank);
        String profileTab = browser.driver().getWindowHandle();

        // frank renames himself while erin looks at his old profile page.
        frankClient.rename(frank + "-x");
        browser.clickAndWaitFor("user:follow", "User " + frank + " not found.");

        // erin takes the name frank had, in another tab. The old tab's Follow button names "frank", now herself:
        // the page, rebuilt from its address, turns out to be her own profile, and nothing is followed.
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.open("edit-profile");
        browser.fill("profile:username", frank);
        browser.clickAndLoad("profile:submit");
        browser.waitForText("Your changes have been saved.");
        browser.driver().switchTo().window(profileTab);
        browser.clickAndWaitFor("user:follow", "Edit your profile");
        assertFalse(browser.has("user:follow"));
        assertEquals("0 following", new WebClient(base).open("user/" + frank).text("following-count"));
    }

    @Test
    void followingByNameFromTheHomePageFollowsOrSaysWhyNot() {
        String gina = Names.unique("gina");
        String hugo = Names.unique("hugo");
        new WebClient(base).register(hugo);
        browser.register(gina);

        followByName(gina);
        browser.waitForText("You cannot follow yourself!");
        followByName("<i>nobody</i>");
        browser.waitForText("User <i>nobody</i> not found.");
        followByName(hugo);
        browser.waitForText("You are following " + hugo + "!");

        assertEquals(browser.path(""), browser.currentPath());
        assertEquals("1 follower", new WebClient(base).open("user/" + hugo).text("followers-count"));
        browser.screenshot("home-follow-by-name");
    }

    private void followByName(String username) {
        browser.open("");
        browser.fill("followByName:username", username);
        browser.clickAndLoad("followByName:submit");
    }

    @Test
    void textPeopleWriteIsShownLiterally() {
        String grace = Names.unique("grace");
        String script = "<script>alert(1)</script> & <b>bold</b> café ☕";
        browser.register(grace);

        browser.post(script);
        browser.open("edit-profile");
        browser.fill("profile:aboutMe", "<img src=x onerror=alert(2)>");
        browser.clickAndLoad("profile:submit");

        browser.open("user/" + grace);
        assertEquals(script, browser.texts(".post-body").getFirst());
        assertEquals("<img src=x onerror=alert(2)>", browser.text("profile-about"));
        assertTrue(
                browser.driver()
                        .findElements(By.cssSelector(".post-body b, .about img"))
                        .isEmpty(),
                "no markup");
        assertThrows(
                NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
        browser.screenshot("escaped-text");
    }

    @Test
    void deletingAPostAsksFirstAndCancelKeepsIt() {
        browser.register(Names.unique("hal"));
        browser.post("a slip of the finger");
        browser.post("worth keeping");

        browser.driver()
                .findElement(By.cssSelector("article.post:nth-of-type(2) a.delete-post"))
                .click();
        browser.waitForText("Delete this post?");
        assertEquals(List.of("a slip of the finger"), browser.texts(".post-body"), "the page shows which");
        browser.screenshot("delete-post");
        browser.clickAndLoad("cancel");
        assertEquals(List.of("worth keeping", "a slip of the finger"), browser.texts(".post-body"));

        browser.driver()
                .findElement(By.cssSelector("article.post:nth-of-type(2) a.delete-post"))
                .click();
        browser.clickAndLoad("deletePost:delete");
        browser.waitForText("Your post has been deleted.");
        assertEquals(List.of("worth keeping"), browser.texts(".post-body"));
    }

    @Test
    void theCounterCountsAnEmojiAsOneCharacterAndTextOverTheLimitIsRefusedWhole() {
        String lea = Names.unique("lea");
        String emoji = "\uD83D\uDE00"; // 😀, two UTF-16 units
        browser.register(lea);
        browser.open("");
        browser.waitForText("140 characters left");

        browser.paste("post:body", emoji.repeat(140));
        browser.waitForText("0 characters left");
        browser.paste("post:body", emoji.repeat(141));
        browser.waitForText("Over the limit by 1");
        browser.screenshot("home-over-the-limit");
        browser.clickAndLoad("post:submit");

        browser.waitForText("A post has at most 140 characters.");
        assertEquals(emoji.repeat(141), browser.element("post:body").getAttribute("value"), "not cut");
        browser.waitForText("Over the limit by 1");
        browser.paste("post:body", emoji.repeat(140));
        browser.clickAndLoad("post:submit");
        browser.waitForText("Your post is now live!");
        assertEquals(emoji.repeat(140), browser.texts(".post-body").getFirst());

        browser.open("edit-profile");
        browser.paste("profile:aboutMe", emoji.repeat(138));
        browser.waitForText("2 characters left");
    }

    @Test
    void registrationExplainsWhatIsWrong() {
        String henry = Names.unique("henry");
        new WebClient(base).register(henry);
        List<String> said = new ArrayList<>();

        said.add(tryToRegister(henry, "someone@example.com", WebClient.PASSWORD, WebClient.PASSWORD));
        said.add(tryToRegister(Names.unique("ivy"), henry + "@example.com", WebClient.PASSWORD, WebClient.PASSWORD));
        said.add(tryToRegister(Names.unique("ivy"), "not-an-email", WebClient.PASSWORD, WebClient.PASSWORD));
        said.add(tryToRegister(Names.unique("ivy"), "ivy@example.com", WebClient.PASSWORD, "something-else"));
        said.add(tryToRegister(Names.unique("ivy"), "ivy@example.com", "short", "short"));
        said.add(tryToRegister(Names.unique("ivy"), "ivy@example.com", "aaaabbbb", "aaaabbbb"));
        said.add(tryToRegister("<b>ivy</b>", "ivy@example.com", WebClient.PASSWORD, WebClient.PASSWORD));

        assertEquals(
                List.of(
                        "The username " + henry + " is taken. Please choose another.",
                        "There is already an account with that email address.",
                        "That is not a valid email address.",
                        "The passwords do not match.",
                        "A password has 8 to 128 characters.",
                        "That password is too easy to guess: do not use your username or email, and use at least four different characters.",
                        "A username may contain letters, digits, '_', '.' and '-', and starts with a letter, digit or '_'."),
                said);
        browser.screenshot("register-errors");
    }

    /** Submits the registration form and returns the messages it shows (on the fields, then the page's). */
    private String tryToRegister(String username, String email, String password, String repeat) {
        browser.open("register");
        browser.fill("register:username", username);
        browser.fill("register:email", email);
        browser.fill("register:password", password);
        browser.fill("register:repeatPassword", repeat);
        browser.clickAndLoad("register:submit");
        assertEquals(browser.path("register"), browser.currentPath(), "still on the form");
        List<String> messages = new ArrayList<>(browser.texts(".ui-message-error .ui-message-error-detail"));
        messages.addAll(browser.texts(".ui-messages-error .ui-messages-error-summary"));
        return String.join(" | ", messages);
    }

    @Test
    void signOutIsAFormPostThatEndsTheSession() {
        String jack = Names.unique("jack");
        browser.register(jack);
        WebElement signOut = browser.element("signOut:submit");
        WebElement form = signOut.findElement(By.xpath("ancestor::form"));
        assertEquals("post", form.getAttribute("method").toLowerCase());
        assertTrue(browser.driver()
                .findElements(By.cssSelector("a[href*='logout'], a[href*='sign-out']"))
                .isEmpty());

        browser.signOut();

        assertTrue(browser.has("nav-signin"));
        browser.open("edit-profile");
        assertEquals(browser.path("login"), browser.currentPath(), "signed out: protected pages ask to sign in");
    }

    @Test
    void signInReturnsToThePageThatAskedForItAndRemembersWhenAsked() {
        String kim = Names.unique("kim");
        new WebClient(base).register(kim);

        browser.open("edit-profile");
        assertEquals(browser.path("login"), browser.currentPath());
        browser.fill("login:username", kim);
        browser.fill("login:password", "not-the-password");
        browser.clickAndLoad("login:submit");
        assertEquals("Invalid username or password.", browser.messages());
        browser.fill("login:username", kim);
        browser.fill("login:password", WebClient.PASSWORD);
        browser.element("login:rememberMe").click();
        browser.clickAndLoad("login:submit");
        assertEquals(browser.path("edit-profile"), browser.currentPath(), "back where sign-in was asked for");
        assertEquals(kim, browser.element("profile:username").getAttribute("value"));

        Cookie remembered = browser.driver().manage().getCookieNamed("microblog_remember");
        assertTrue(remembered != null && remembered.isHttpOnly(), "an HttpOnly remember-me cookie");
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.open("");
        assertTrue(browser.has("nav-profile"), "a new session is signed in again from the cookie");
        assertFalse(browser.has("nav-signin"));
    }
}
