package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
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
            List<String> policies = page.headers().allValues("Content-Security-Policy");
            assertTrue(
                    policies.stream().anyMatch(p -> p.contains("frame-ancestors 'none'")),
                    () -> page.uri() + ": " + policies);
            assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""), page.uri()::toString);
            assertEquals("same-origin", page.header("Referrer-Policy").orElse(""), page.uri()::toString);
            assertEquals("DENY", page.header("X-Frame-Options").orElse(""), page.uri()::toString);
        }
        assertTrue(
                home.headers().allValues("Content-Security-Policy").stream()
                        .anyMatch(p -> p.matches(".*script-src 'self' 'nonce-[^']+'.*")),
                "pages allow only their own nonce'd scripts");
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
