package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nobody is offered Follow or Unfollow across a block, either way round, on any page that lists people: a user's
 * followers and following, who to follow and the home page's suggestions, as on the profile (FollowOffer). A
 * Follow posted anyway is refused with the service's message. Over plain HTTP; the profile in the browser:
 * BlockMuteBrowserIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FollowAcrossBlocksIT {

    @ArquillianResource
    URL base;

    /** Who is who: the viewer, a user whose lists both others are on, the person blocked and a bystander. */
    private record People(WebClient viewer, String viewerName, String star, String person, String bystander) {}

    /**
     * The person and the bystander follow the star and the star follows them, so both are on the star's lists;
     * the viewer follows the star, so both are the viewer's suggestions.
     */
    private People people() {
        WebClient viewer = new WebClient(base);
        String viewerName = Names.unique("viewer");
        viewer.register(viewerName);
        String star = Names.unique("star");
        WebClient starClient = new WebClient(base);
        starClient.register(star);
        String person = Names.unique("person");
        String bystander = Names.unique("bystander");
        for (String name : List.of(person, bystander)) {
            WebClient client = new WebClient(base);
            client.register(name);
            follow(client, star);
            follow(starClient, name);
        }
        follow(viewer, star);
        return new People(viewer, viewerName, star, person, bystander);
    }

    private static void follow(WebClient client, String username) {
        WebClient.Page answer =
                client.click(client.get("user/" + username), "user", "follow", Map.of("target", username));
        assertTrue(answer.body().contains("You are following " + username), answer::body);
    }

    private static void block(WebClient client, String username) {
        WebClient.Page answer =
                client.click(client.get("user/" + username), "user", "block", Map.of("target", username));
        assertEquals(200, answer.status(), answer::body);
        assertTrue(client.get("user/" + username).document().getElementById("blocked") != null, "the block is made");
    }

    private static Optional<Element> row(WebClient.Page page, String username) {
        return page.document().select("article.connection").stream()
                .filter(article -> article.select("a.author").text().equals(username))
                .findFirst();
    }

    /** The Follow or Unfollow button on {@code username}'s row; empty if none (or no such row). */
    private static Optional<Element> followButton(WebClient.Page page, String username) {
        return row(page, username)
                .flatMap(article -> article.select("button.follow-button, button.unfollow-button").stream()
                        .findFirst());
    }

    /** That button's id within form {@code formId}, as WebClient.click takes it. */
    private static String followButtonId(WebClient.Page page, String formId, String username) {
        String id = followButton(page, username).orElseThrow().id();
        assertTrue(id.startsWith(formId + ":"), id);
        return id.substring(formId.length() + 1);
    }

    /** The viewer blocks the person, or the person blocks the viewer. */
    private void blockEitherWay(People people, boolean viewerBlocks) {
        if (viewerBlocks) {
            block(people.viewer(), people.person());
        } else {
            WebClient person = new WebClient(base);
            person.signIn(people.person());
            block(person, people.viewerName());
        }
    }

    private List<WebClient.Page> lists(People people) {
        return List.of(
                people.viewer().get("user/" + people.star() + "/followers"),
                people.viewer().get("user/" + people.star() + "/following"),
                people.viewer().get("who-to-follow"),
                people.viewer().get(""));
    }

    @ParameterizedTest(name = "viewer blocks: {0}")
    @ValueSource(booleans = {true, false})
    void afterABlockEitherWayNoListOffersToFollowAcrossIt(boolean viewerBlocks) {
        People people = people();
        for (WebClient.Page page : lists(people)) {
            assertTrue(followButton(page, people.person()).isPresent(), () -> "before the block: " + page.uri());
        }

        blockEitherWay(people, viewerBlocks);

        for (WebClient.Page page : lists(people)) {
            assertEquals(200, page.status(), page.uri()::toString);
            assertFalse(followButton(page, people.person()).isPresent(), () -> "after the block: " + page.uri());
            assertTrue(followButton(page, people.bystander()).isPresent(), () -> "the bystander: " + page.uri());
        }
    }

    @ParameterizedTest(name = "viewer blocks: {0}")
    @ValueSource(booleans = {true, false})
    void aFollowPostedAcrossABlockFromAListIsRefusedWithAMessage(boolean viewerBlocks) {
        People people = people();
        blockEitherWay(people, viewerBlocks);
        String refusal = viewerBlocks
                ? "You have blocked " + people.person() + ". Unblock them first to follow them."
                : "You cannot follow " + people.person() + ": " + people.person() + " has blocked you.";

        // The bystander's Follow button, sent with the blocked person as its target: what a forged click does.
        WebClient.Page followers = people.viewer().get("user/" + people.star() + "/followers");
        WebClient.Page fromList = people.viewer()
                .click(
                        followers,
                        "user",
                        followButtonId(followers, "user", people.bystander()),
                        Map.of("target", people.person()));
        WebClient.Page suggestions = people.viewer().get("who-to-follow");
        WebClient.Page fromSuggestions = people.viewer()
                .click(
                        suggestions,
                        "suggestions",
                        followButtonId(suggestions, "suggestions", people.bystander()),
                        Map.of("target", people.person()));

        for (WebClient.Page answer : List.of(fromList, fromSuggestions)) {
            assertEquals(200, answer.status(), answer::body);
            assertTrue(answer.body().contains(refusal), answer::body);
            assertFalse(answer.body().contains("You are following " + people.person()), answer::body);
        }
        assertEquals(
                "1 following",
                people.viewer().get("user/" + people.viewerName()).text("following-count"),
                "the viewer still follows the star only");
    }
}
