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
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Posts and about-me texts over HTTP, as a browser sends them or as anyone can send them past the form: 140
 * characters as people count them (an emoji is one) fit and are stored whole, more are refused with the size
 * message and never cut, text that is blank to a person is no post, and control characters are refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TextLengthIT {

    private static final String GRINNING = "\uD83D\uDE00"; // 😀: one character, two UTF-16 units
    private static final String FAMILY =
            "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 👩‍👩‍👧: five code points
    private static final String POSTED = "Your post is now live!";
    private static final String POST_SIZE = "A post has at most 140 characters.";
    private static final String ABOUT_ME_SIZE = "About me has at most 140 characters.";
    private static final String CONTROL =
            "This text contains invisible control characters, which cannot be saved. Please remove them (line breaks and tabs are fine).";

    @ArquillianResource
    URL base;

    /** A client signed in as a new user of its own. */
    private WebClient newUser(String username) {
        WebClient client = new WebClient(base);
        client.register(username);
        return client;
    }

    /** Submits the home page's post form with {@code body}, as a browser would or past what it allows. */
    private static WebClient.Page post(WebClient client, String body) {
        return client.submit(client.get(""), "post", "submit", Map.of("post:body", body));
    }

    /** Submits the profile editor with {@code aboutMe} (the username unchanged). */
    private static WebClient.Page describe(WebClient client, String aboutMe) {
        return client.submit(client.get("edit-profile"), "profile", "submit", Map.of("profile:aboutMe", aboutMe));
    }

    /** The bodies of the posts on a user's page, exactly as stored (not with white space collapsed). */
    private List<String> postsOf(String username) {
        return new WebClient(base)
                .open("user/" + username).document().select(".post-body").stream()
                        .map(Element::wholeText)
                        .toList();
    }

    /** The about-me on a user's page, exactly, or empty when there is none. */
    private String aboutMeOf(String username) {
        Element about = new WebClient(base).open("user/" + username).document().getElementById("profile-about");
        return about == null ? "" : about.wholeText();
    }

    /** The messages a refused form shows next to its fields. */
    private static List<String> fieldMessages(WebClient.Page page) {
        return page.document().select(".ui-message-error-detail").eachText();
    }

    /** The answer is the form again, with {@code message} on the field. */
    private static void assertRefused(WebClient.Page answer, String message) {
        assertEquals(200, answer.status(), "the form again, no redirect");
        assertEquals(List.of(message), fieldMessages(answer));
        assertFalse(answer.body().contains(POSTED));
    }

    /** The text in the text area {@code id} of the page: what was sent comes back whole, to be corrected. */
    private static String textarea(WebClient.Page page, String id) {
        Element field = page.document().getElementById(id);
        return field == null ? null : field.wholeText();
    }

    @Test
    void oneHundredFortyEmojiArePublishedAndShownWhole() {
        String ann = Names.unique("ann");
        WebClient client = newUser(ann);
        String body = GRINNING.repeat(135) + FAMILY; // 140 code points, 280 UTF-16 units

        WebClient.Page answer = client.follow(post(client, body));

        assertTrue(answer.body().contains(POSTED), answer::body);
        assertEquals(List.of(body), postsOf(ann));
    }

    @Test
    void oneCharacterOverTheLimitSentPastTheFieldIsRefusedWithTheSizeMessageAndNothingIsStored() {
        String bob = Names.unique("bob");
        WebClient client = newUser(bob);

        // the last one far past the field, though under the 64 KB a request may have (BadRequestsIT: over it)
        for (String body :
                List.of("x".repeat(141), GRINNING.repeat(141), "x".repeat(140) + GRINNING, "y".repeat(60_000))) {
            WebClient.Page answer = post(client, body);
            assertRefused(answer, POST_SIZE);
            assertEquals(body, textarea(answer, "post:body"), "not cut");
        }

        assertEquals(List.of(), postsOf(bob));
    }

    @Test
    void aPostOfOnlyInvisibleCharactersIsRefused() {
        String dee = Names.unique("dee");
        WebClient client = newUser(dee);
        // no-break, em, ideographic and zero-width spaces, zero-width joiner, word joiner, byte order mark, a line
        String invisible = "\u00A0\u2003\u3000\u200B\u200D\u2060\uFEFF\n\u00A0";

        WebClient.Page answer = post(client, invisible);

        assertRefused(answer, "Say something first.");
        assertEquals(invisible, textarea(answer, "post:body"));
        assertEquals(List.of(), postsOf(dee));
    }

    @Test
    void controlCharactersAreRefusedWithAClearMessageTheSameOnEveryDatabase() {
        String eve = Names.unique("eve");
        WebClient client = newUser(eve);

        for (String body : List.of("nul\u0000here", "bell\u0007", "escape\u001B[31m red", "\u0000")) {
            assertRefused(post(client, body), CONTROL);
        }

        assertEquals(List.of(), postsOf(eve));
    }

    @Test
    void lineBreaksAndTabsArePublishedAndSurroundingSpacesDropped() {
        String fay = Names.unique("fay");
        WebClient client = newUser(fay);

        WebClient.Page answer = client.follow(post(client, "\u00A0 two\nlines\tand a tab \u3000\u200B"));

        assertTrue(answer.body().contains(POSTED), answer::body);
        assertEquals(List.of("two\nlines\tand a tab"), postsOf(fay));
    }

    @Test
    void anAboutMeHoldsOneHundredFortyEmojiAndRefusesOneMoreWithoutCuttingIt() {
        String gus = Names.unique("gus");
        WebClient client = newUser(gus);
        String aboutMe = FAMILY.repeat(28); // 140 code points

        assertEquals(302, describe(client, aboutMe).status());
        assertEquals(aboutMe, aboutMeOf(gus));

        String tooLong = GRINNING.repeat(141);
        WebClient.Page answer = describe(client, tooLong);
        assertRefused(answer, ABOUT_ME_SIZE);
        assertEquals(tooLong, textarea(answer, "profile:aboutMe"), "not cut");
        assertEquals(aboutMe, aboutMeOf(gus), "unchanged");
    }

    @Test
    void anAboutMeWithControlCharactersIsRefusedAndOneOfOnlyInvisibleCharactersIsNone() {
        String hal = Names.unique("hal");
        WebClient client = newUser(hal);
        assertEquals(302, describe(client, "hello").status());

        assertRefused(describe(client, "bell\u0007"), CONTROL);
        assertEquals("hello", aboutMeOf(hal), "unchanged");

        assertEquals(302, describe(client, "\u00A0\u200B\u3000\uFEFF").status());
        assertEquals("", aboutMeOf(hal), "blank to a person: no about-me");
    }
}
