package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microblog.it.web.HttpBehaviourIT.assertNoTechnicalDetails;

import java.net.HttpCookie;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every state-changing POST is refused with our 403 page, before anything changes and without touching the
 * victim's session, when it comes from another site (Fetch Metadata, or Origin) or, for a signed-in user,
 * lacks their session's write token. The pages keep no view state, so this is all that protects them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WriteProtectionIT {

    private static final String TOKEN = "microblog.writeToken";

    @ArquillianResource
    URL base;

    private WebClient client() {
        return new WebClient(base);
    }

    private String followersShown(String username) {
        return client().open("user/" + username).text("followers-count");
    }

    /** ann, signed in, looking at bob's profile. */
    private record Scene(WebClient ann, String bob, WebClient.Page profile) {}

    private Scene annLooksAtBob() {
        String bob = Names.unique("bob");
        client().register(bob);
        WebClient ann = client();
        ann.register(Names.unique("ann"));
        return new Scene(ann, bob, ann.get("user/" + bob));
    }

    @Test
    void theFollowButtonFollowsInPlaceWithTheSessionsToken() {
        Scene scene = annLooksAtBob();

        WebClient.Page answer = scene.ann()
                .click(
                        scene.profile(),
                        "user",
                        "follow",
                        Map.of("target", scene.bob()),
                        "Sec-Fetch-Site",
                        "same-origin");

        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("partial-response"), answer::body);
        assertTrue(answer.body().contains("1 follower"), "the count changes in place: " + answer.body());
        assertTrue(answer.body().contains("user:unfollow"), "the button turns into Unfollow");
        assertEquals("1 follower", followersShown(scene.bob()));
    }

    @Test
    void aDoubleClickedFollowMakesOneLink() throws Exception {
        Scene scene = annLooksAtBob();
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        try {
            List<Future<WebClient.Page>> answers = clicks.invokeAll(List.of(
                    () -> scene.ann().click(scene.profile(), "user", "follow", Map.of("target", scene.bob())),
                    () -> scene.ann().click(scene.profile(), "user", "follow", Map.of("target", scene.bob()))));
            for (Future<WebClient.Page> answer : answers) {
                assertEquals(200, answer.get().status());
            }
        } finally {
            clicks.shutdownNow();
        }

        assertEquals("1 follower", followersShown(scene.bob()));
        assertEquals(
                1,
                client().open("user/" + scene.bob() + "/followers")
                        .document()
                        .select(".connection .author")
                        .size());
    }

    @Test
    void aSignedInPostWithoutTheWriteTokenIsRefusedWith403AndChangesNothing() {
        Scene scene = annLooksAtBob();

        WebClient.Page answer =
                scene.ann().post(WebClient.action(scene.profile(), "user"), without(followClick(scene), TOKEN));

        assertRefused(answer);
        assertEquals("0 followers", followersShown(scene.bob()));
    }

    @Test
    void aForeignOrGuessedWriteTokenIsRefused() {
        Scene scene = annLooksAtBob();
        WebClient mallory = client();
        mallory.register(Names.unique("mallory"));
        String mallorysToken =
                WebClient.fields(mallory.get(""), "post", Map.of()).get(TOKEN);

        for (String token : List.of(mallorysToken, "guess", "")) {
            Map<String, String> forged = followClick(scene);
            forged.put(TOKEN, token);
            assertRefused(scene.ann().post(WebClient.action(scene.profile(), "user"), forged));
        }
        assertEquals("0 followers", followersShown(scene.bob()));
    }

    @Test
    void aPostFromAnotherSiteIsRefusedEvenWithTheToken() {
        Scene scene = annLooksAtBob();

        for (String[] crossSite : List.of(
                new String[] {"Sec-Fetch-Site", "cross-site"},
                new String[] {"Sec-Fetch-Site", "same-site"},
                new String[] {"Origin", "http://evil.example"},
                new String[] {"Origin", "null"})) {
            WebClient.Page answer =
                    scene.ann().post(WebClient.action(scene.profile(), "user"), followClick(scene), crossSite);
            assertRefused(answer);
        }
        assertEquals("0 followers", followersShown(scene.bob()));
    }

    @Test
    void aCrossSitePostNeitherSignsTheVictimOutNorGivesThemANewSession() {
        Scene scene = annLooksAtBob();
        String session =
                scene.ann().cookie("JSESSIONID").map(HttpCookie::getValue).orElseThrow();
        WebClient.Page home = scene.ann().get("");

        WebClient.Page answer = scene.ann()
                .post(
                        WebClient.action(home, "signOut"),
                        WebClient.fields(home, "signOut", Map.of("signOut:submit", "signOut:submit")),
                        "Sec-Fetch-Site",
                        "cross-site");

        assertRefused(answer);
        assertTrue(answer.headers().allValues("Set-Cookie").isEmpty(), () -> "cookies: " + answer.headers());
        assertEquals(
                session,
                scene.ann().cookie("JSESSIONID").map(HttpCookie::getValue).orElseThrow());
        assertTrue(scene.ann().get("").body().contains("id=\"signOut\""), "still signed in");
    }

    @Test
    void signInAndRegistrationFromAnotherSiteAreRefused() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient visitor = client();
        WebClient.Page login = visitor.get("login");
        WebClient.Page register = visitor.get("register");

        WebClient.Page signIn = visitor.post(
                WebClient.action(login, "login"),
                submitted(login, "login", Map.of("login:username", ann, "login:password", WebClient.PASSWORD)),
                "Origin",
                "http://evil.example");
        String name = Names.unique("eve");
        WebClient.Page registration = visitor.post(
                WebClient.action(register, "register"),
                submitted(
                        register,
                        "register",
                        Map.of(
                                "register:username",
                                name,
                                "register:email",
                                name + "@example.com",
                                "register:password",
                                WebClient.PASSWORD,
                                "register:repeatPassword",
                                WebClient.PASSWORD)),
                "Sec-Fetch-Site",
                "cross-site");

        assertRefused(signIn);
        assertRefused(registration);
        assertEquals(404, client().get("user/" + name).status(), "no account was made");
        assertFalse(visitor.get("").body().contains("id=\"signOut\""), "not signed in");
    }

    @Test
    void aFollowPostWithoutThePagesScriptNonceIsRefusedAsBadRequest() {
        Scene scene = annLooksAtBob();

        WebClient.Page answer = scene.ann()
                .post(WebClient.action(scene.profile(), "user"), without(followClick(scene), WebClient.NONCE));

        assertEquals(400, answer.status());
        assertEquals("Bad request", answer.text("error-title"));
        assertNoTechnicalDetails(answer);
        assertEquals("0 followers", followersShown(scene.bob()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "ab", "a b", "!!!!", "AAAA"})
    void aPostWithAMalformedScriptNonceIsRefusedAsBadRequestBeforeItsActionRuns(String nonce) {
        Scene scene = annLooksAtBob();
        Map<String, String> click = followClick(scene);
        click.put(WebClient.NONCE, nonce);

        for (String[] headers : List.of(
                new String[] {"Sec-Fetch-Site", "same-origin"},
                new String[] {"Sec-Fetch-Site", "same-origin", "Faces-Request", "partial/ajax"})) {
            WebClient.Page answer = scene.ann().post(WebClient.action(scene.profile(), "user"), click, headers);

            assertEquals(400, answer.status(), answer::body);
            assertEquals("Bad request", answer.text("error-title"));
            assertNoTechnicalDetails(answer);
        }
        assertEquals("0 followers", followersShown(scene.bob()), "the follow did not run");
    }

    /** The fields of a click on bob's Follow button, as a browser on ann's page sends them. */
    private static Map<String, String> followClick(Scene scene) {
        Map<String, String> fields = new LinkedHashMap<>(WebClient.fields(scene.profile(), "user", Map.of()));
        fields.put("target", scene.bob());
        fields.put("user:follow", "user:follow");
        return fields;
    }

    private static Map<String, String> submitted(WebClient.Page page, String form, Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>(WebClient.fields(page, form, changes));
        fields.put(form + ":submit", form + ":submit");
        return fields;
    }

    private static Map<String, String> without(Map<String, String> fields, String name) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        assertTrue(copy.remove(name) != null, () -> name + " was not in the form");
        return copy;
    }

    private static void assertRefused(WebClient.Page answer) {
        assertEquals(403, answer.status(), answer::body);
        assertEquals("Forbidden", answer.text("error-title"), answer::body);
        assertNoTechnicalDetails(answer);
    }
}
