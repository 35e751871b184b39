package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.it.Concurrently;

/**
 * A username is one name whatever its case, over HTTP: signing in, profile addresses, following by name,
 * registration and renaming, and registrations racing for one name or one email.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsernameCaseIT {

    private static final String SIGNED_IN = "id=\"signOut\"";
    private static final String EMAIL_TAKEN = "There is already an account with that email address.";

    @ArquillianResource
    URL base;

    private WebClient client() {
        return new WebClient(base);
    }

    private static String taken(String username) {
        return "The username " + username + " is taken. Please choose another.";
    }

    @Test
    void signingInTakesTheUsernameInAnyCase() {
        String ann = Names.unique("Ann");
        client().register(ann);

        for (String typed : List.of(ann.toUpperCase(Locale.ROOT), ann.toLowerCase(Locale.ROOT), ann)) {
            WebClient.Page home = client().signIn(typed);

            assertTrue(home.body().contains(SIGNED_IN), () -> typed + " did not sign in:\n" + home.body());
        }
    }

    @Test
    void aProfileAddressInAnotherCaseRedirectsToTheOwnersSpelling() {
        String ann = Names.unique("Ann");
        client().register(ann);
        String shouted = ann.toUpperCase(Locale.ROOT);
        String quiet = ann.toLowerCase(Locale.ROOT);
        Map<String, String> redirects = Map.of(
                "user/" + shouted, "user/" + ann,
                "user/" + quiet + "/followers", "user/" + ann + "/followers",
                "user/" + shouted + "/following?page=1", "user/" + ann + "/following?page=1");
        WebClient visitor = client();

        redirects.forEach((asked, canonical) -> {
            WebClient.Page answer = visitor.get(asked);

            assertTrue(answer.status() == 301 || answer.status() == 302, () -> asked + ": " + answer.status());
            URI location = answer.uri().resolve(answer.header("Location").orElseThrow());
            assertEquals(visitor.uri(canonical), location, asked);
            WebClient.Page page = visitor.follow(answer);
            assertEquals(200, page.status(), asked);
            assertEquals(ann, page.text("profile-username"), asked);
        });
        assertEquals(200, visitor.get("user/" + ann).status(), "the owner's spelling is served as it is");
        assertEquals(404, visitor.get("user/" + shouted + "/nothing").status());
        assertEquals(404, visitor.get("user/" + Names.unique("nobody")).status());
    }

    @Test
    void followingByNameOnTheHomePageTakesTheNameInAnyCase() {
        String bob = Names.unique("Bob");
        client().register(bob);
        WebClient ann = client();
        ann.register(Names.unique("ann"));

        WebClient.Page done = ann.follow(ann.submit(
                ann.get(""), "followByName", "submit", Map.of("followByName:username", bob.toUpperCase(Locale.ROOT))));

        assertEquals(200, done.status(), done::body);
        assertTrue(done.body().contains("You are following"), done::body);
        assertEquals("1 follower", client().open("user/" + bob).text("followers-count"));
    }

    @Test
    void registeringANameTakenInAnotherCaseIsRefusedWithTheTakenMessage() {
        String bob = Names.unique("bob");
        client().register(bob);
        WebClient other = client();
        String shouted = bob.toUpperCase(Locale.ROOT);

        WebClient.Page refused =
                other.tryRegister(other.get("register"), shouted, Names.unique("other") + "@example.com");

        assertEquals(200, refused.status());
        assertTrue(refused.body().contains(taken(shouted)), refused::body);
        assertFalse(other.open("").body().contains(SIGNED_IN));
    }

    @Test
    void registeringAnEmailTakenInAnotherCaseIsRefused() {
        String mary = Names.unique("mary");
        client().register(mary);
        WebClient other = client();

        WebClient.Page refused = other.tryRegister(
                other.get("register"), Names.unique("other"), mary.toUpperCase(Locale.ROOT) + "@EXAMPLE.com");

        assertEquals(200, refused.status());
        assertTrue(refused.body().contains(EMAIL_TAKEN), refused::body);
    }

    @Test
    void renamingToANameTakenInAnotherCaseIsRefusedAndKeepingOnesOwnInAnotherCaseIsNot() {
        String bob = Names.unique("bob");
        client().register(bob);
        String carl = Names.unique("carl");
        WebClient carlsBrowser = client();
        carlsBrowser.register(carl);
        String shouted = bob.toUpperCase(Locale.ROOT);

        WebClient.Page refused = carlsBrowser.rename(shouted);

        assertEquals(200, refused.status());
        assertTrue(refused.body().contains(taken(shouted)), refused::body);
        WebClient.Page renamed = carlsBrowser.rename(carl.toUpperCase(Locale.ROOT));
        assertEquals(200, renamed.status());
        assertEquals(carl.toUpperCase(Locale.ROOT), renamed.text("profile-username"), renamed::body);
    }

    @Test
    void ofRegistrationsRacingForOneNameOneOpensTheAccountAndTheOthersAreToldItIsTaken() throws Exception {
        String name = Names.unique("dave");
        List<String> spellings = List.of(
                name, name.toUpperCase(Locale.ROOT), "D" + name.substring(1), name, name.toUpperCase(Locale.ROOT));
        List<Callable<WebClient.Page>> burst = new ArrayList<>();
        for (int i = 0; i < spellings.size(); i++) {
            WebClient browser = client();
            WebClient.Page form = browser.get("register");
            String spelling = spellings.get(i);
            String email = name + "-" + i + "@example.com";
            burst.add(() -> browser.tryRegister(form, spelling, email));
        }

        List<WebClient.Page> answers = Concurrently.runAtOnce(burst);

        List<Integer> statuses = answers.stream().map(WebClient.Page::status).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 302).count(), () -> "statuses " + statuses);
        for (int i = 0; i < answers.size(); i++) {
            WebClient.Page answer = answers.get(i);
            if (answer.status() != 302) {
                assertEquals(200, answer.status(), answer::body);
                assertTrue(answer.body().contains(taken(spellings.get(i))), answer::body);
            }
        }
        String winner = spellings.get(statuses.indexOf(302));
        assertEquals(winner, client().open("user/" + name).text("profile-username"));
    }

    @Test
    void ofRegistrationsRacingForOneEmailOneOpensTheAccountAndTheOthersAreToldItIsTaken() throws Exception {
        String name = Names.unique("erin");
        List<Callable<WebClient.Page>> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            WebClient browser = client();
            WebClient.Page form = browser.get("register");
            String username = name + "-" + i;
            String email = (i % 2 == 0 ? name : name.toUpperCase(Locale.ROOT)) + "@example.com";
            burst.add(() -> browser.tryRegister(form, username, email));
        }

        List<WebClient.Page> answers = Concurrently.runAtOnce(burst);

        List<Integer> statuses = answers.stream().map(WebClient.Page::status).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 302).count(), () -> "statuses " + statuses);
        for (WebClient.Page answer : answers) {
            if (answer.status() != 302) {
                assertEquals(200, answer.status(), answer::body);
                assertTrue(answer.body().contains(EMAIL_TAKEN), answer::body);
            }
        }
    }
}
