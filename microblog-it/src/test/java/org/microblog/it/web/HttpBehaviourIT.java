package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a browser would not do, checked over plain HTTP against the deployed WAR: GETs that try to change
 * state, headers, status codes and error pages. Forged writes: WriteProtectionIT; sessions: StatelessPagesIT;
 * signing in and out: SignInIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpBehaviourIT {

    @ArquillianResource
    URL base;

    private WebClient client() {
        return new WebClient(base);
    }

    /** The follower count that bob's profile shows to an anonymous visitor. */
    private String followersShown(String username) {
        return client().open("user/" + username).text("followers-count");
    }

    @Test
    void aTimelineLongerThanAPageLinksToTheOlderPostsAndShowsThem() {
        WebClient ann = client();
        ann.register(Names.unique("ann"));
        for (int i = 1; i <= 21; i++) {
            WebClient.Page home = ann.get("");
            assertEquals(
                    200,
                    ann.follow(ann.submit(home, "post", "submit", Map.of("post:body", "post number " + i)))
                            .status());
        }

        WebClient.Page first = ann.get("");
        assertEquals(200, first.status(), first::body);
        assertTrue(first.body().contains("post number 21"));
        assertFalse(first.body().contains("post number 1<"));
        String older = first.document().select("a.older").attr("href");
        assertTrue(older.contains("?after="), () -> "no link to older posts: " + first.body());

        WebClient.Page second = ann.get(older);
        assertEquals(200, second.status(), second::body);
        assertTrue(second.body().contains("post number 1<"), second::body);
        assertTrue(second.document().select("a.older").isEmpty());
    }

    @Test
    void getRequestsOnFollowAddressesChangeNothing() {
        String bob = Names.unique("bob");
        client().register(bob);
        WebClient ann = client();
        ann.register(Names.unique("ann"));

        assertEquals(404, ann.get("follow/" + bob).status());
        assertEquals(404, ann.get("user/" + bob + "/follow").status());
        assertEquals(
                200,
                ann.get("user/" + bob + "?follow=" + bob + "&user:follow=user:follow")
                        .status());

        assertEquals("0 followers", followersShown(bob));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        WebClient visitor = client();
        WebClient.Page home = visitor.get("");
        String stylesheet = home.document()
                .select("link[rel=stylesheet][href*=microblog.css]")
                .attr("href");
        for (WebClient.Page page : List.of(
                home,
                visitor.get("explore"),
                visitor.get("login"),
                visitor.get(stylesheet.substring(stylesheet.indexOf("jakarta.faces.resource"))),
                visitor.get("no-such-page"))) {
            assertTrue(onePolicy(page).contains("frame-ancestors 'none'"), page.uri()::toString);
            assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""), page.uri()::toString);
            assertEquals("same-origin", page.header("Referrer-Policy").orElse(""), page.uri()::toString);
            assertEquals("DENY", page.header("X-Frame-Options").orElse(""), page.uri()::toString);
        }
        assertTrue(
                onePolicy(home).matches(".*script-src 'self' 'nonce-[^']+'.*"),
                "pages allow only their own nonce'd scripts");
    }

    /** The one Content-Security-Policy header of {@code page}: scanners read only the first of several. */
    private static String onePolicy(WebClient.Page page) {
        List<String> policies = page.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), () -> page.uri() + ": " + policies);
        return policies.getFirst();
    }

    /** What every response's policy holds, pages or not: nothing weaker than the two headers were together. */
    private static void assertCompletePolicy(WebClient.Page page, String policy) {
        for (String directive : List.of(
                "default-src 'self';",
                "img-src 'self';",
                "object-src 'none';",
                "base-uri 'self';",
                "form-action 'self';",
                "frame-ancestors 'none';",
                "script-src 'self'")) {
            assertTrue(policy.contains(directive), () -> page.uri() + " lacks " + directive + ": " + policy);
        }
        assertFalse(policy.contains("unsafe-eval") || policy.contains("*"), () -> page.uri() + ": " + policy);
    }

    /** The nonce of a page's policy, which every inline script of the page carries: the one PrimeFaces set. */
    private static String nonceOfPage(WebClient.Page page) {
        String policy = onePolicy(page);
        assertCompletePolicy(page, policy);
        Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([^']+)';?$").matcher(policy);
        assertTrue(nonce.find(), () -> page.uri() + ": no nonce for scripts in " + policy);
        List<Element> inline = page.document().select("script:not([src])");
        assertFalse(inline.isEmpty(), () -> page.uri() + " has no inline script to check");
        for (Element script : inline) {
            assertEquals(nonce.group(1), script.attr("nonce"), () -> page.uri() + ": " + script);
        }
        return nonce.group(1);
    }

    @Test
    void everyResponseSendsOneCompletePolicyAndPagesTheNonceOfTheirScripts() {
        String ann = Names.unique("ann");
        WebClient signedIn = client();
        signedIn.register(ann);
        String bob = Names.unique("bob");
        client().register(bob);
        WebClient visitor = client();

        WebClient.Page profile = signedIn.get("user/" + bob);
        List<WebClient.Page> pages = List.of(
                signedIn.get(""),
                profile,
                signedIn.get("user/" + bob + "/followers"),
                visitor.get("login"),
                visitor.get("explore"),
                visitor.get("no-such-page"),
                visitor.get("explore?after=not-a-cursor"),
                signedIn.send("PUT", "", HttpRequest.BodyPublishers.noBody()));
        for (WebClient.Page page : pages) {
            assertTrue(List.of(200, 400, 404, 405).contains(page.status()), page.uri()::toString);
            nonceOfPage(page);
        }
        assertEquals(404, pages.get(5).status());
        assertEquals(400, pages.get(6).status());

        String stylesheet = pages.getFirst()
                .document()
                .select("link[rel=stylesheet][href*=microblog.css]")
                .attr("href");
        String avatar = profile.document().select("img.avatar.large").attr("src");
        for (WebClient.Page resource : List.of(
                visitor.get(stylesheet.substring(stylesheet.indexOf("jakarta.faces.resource"))),
                signedIn.get(avatar.substring(avatar.indexOf("avatars/"))),
                visitor.get("avatars/v1/0.svg"))) {
            assertCompletePolicy(resource, onePolicy(resource));
        }

        // An AJAX answer (Follow in place) keeps the page's nonce, in one header.
        WebClient.Page followed = signedIn.click(profile, "user", "follow", Map.of("target", bob));
        assertTrue(followed.body().contains("You are following " + bob), followed::body);
        String policy = onePolicy(followed);
        assertCompletePolicy(followed, policy);
        assertTrue(policy.contains("'nonce-" + nonceOfPage(profile) + "'"), policy);
    }

    @Test
    void aProtectedPageSendsVisitorsToSignInAndBackAfterwards() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient browser = client();

        WebClient.Page asked = browser.get("edit-profile");
        assertEquals(302, asked.status());
        URI login = asked.uri().resolve(asked.header("Location").orElseThrow());
        assertEquals(browser.uri("login").getPath(), login.getPath());

        WebClient.Page form = browser.get(login.toString());
        WebClient.Page back = browser.submit(
                form, "login", "submit", Map.of("login:username", ann, "login:password", WebClient.PASSWORD));
        assertEquals(
                browser.uri("edit-profile").getPath(),
                back.uri().resolve(back.header("Location").orElseThrow()).getPath());
        assertEquals(
                ann, WebClient.fields(browser.follow(back), "profile", Map.of()).get("profile:username"));
    }

    /**
     * A redirect names the path only: the browser reads it against the address it asked for. The container would
     * otherwise write the request's Host header into it. Sent by hand: Java's HTTP client sets Host itself.
     */
    @Test
    void aRedirectNamesNoHostThatTheRequestClaims() {
        String answer = WebClient.raw(base, "GET", base.getPath() + "edit-profile", "evil.example");

        assertTrue(answer.startsWith("HTTP/1.1 302 "), answer);
        assertTrue(answer.contains("\r\nLocation: " + base.getPath() + "login?"), answer);
        assertFalse(answer.contains("evil.example"), answer);
    }

    @Test
    void anUnknownUserIsA404PageWithoutExceptionText() {
        WebClient.Page page = client().get("user/" + Names.unique("nobody"));

        assertEquals(404, page.status());
        assertEquals("Page not found", page.text("error-title"));
        assertNoTechnicalDetails(page);
    }

    @Test
    void errorPagesShowNoExceptionText() {
        WebClient visitor = client();
        WebClient.Page badCursor = visitor.get("explore?after=not-a-cursor");
        WebClient.Page badHomeCursor = visitor.get("?after=not-a-cursor");
        WebClient.Page badPage = visitor.get("user/" + Names.unique("x") + "/followers?page=-3");
        WebClient.Page unknownSection = visitor.get("user/anyone/secrets");
        WebClient.Page unknownPath = visitor.get("WEB-INF/web.xml");

        assertEquals(400, badCursor.status());
        assertEquals("Bad request", badCursor.text("error-title"));
        assertEquals(400, badHomeCursor.status());
        assertEquals(404, badPage.status());
        assertEquals(404, unknownSection.status());
        assertEquals(404, unknownPath.status());
        for (WebClient.Page page : List.of(badCursor, badHomeCursor, badPage, unknownSection, unknownPath)) {
            assertNoTechnicalDetails(page);
        }
    }

    static void assertNoTechnicalDetails(WebClient.Page page) {
        for (String technical : List.of("Exception", "at org.", "at java.", "Payara", "stack", "jakarta.")) {
            assertFalse(
                    page.document().body().text().contains(technical),
                    () -> page.uri() + " shows " + technical + ":\n" + page.body());
        }
    }
}
