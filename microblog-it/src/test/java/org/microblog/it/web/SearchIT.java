package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.it.web.WebClient.Page;

/**
 * The search page over HTTP: people and posts, "Older posts" keeping the query, the menu's search box on every
 * page, and odd or oversized queries answered with a sentence, never a 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchIT {

    @ArquillianResource
    URL base;

    private static String search(String query) {
        return "search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void findsThePersonAndTheirPostsNewestFirstAndPagesOnWithTheQuery() {
        String ann = Names.unique("ann");
        String word = "w" + ann.replaceAll("[^A-Za-z0-9]", "");
        WebClient client = new WebClient(base);
        client.register(ann);
        for (int i = 1; i <= 22; i++) {
            client.submit(client.get(""), "post", "submit", Map.of("post:body", "Búsqueda número " + i + " " + word));
        }

        Page first = new WebClient(base).get(search("busqueda " + word.toUpperCase()));
        assertEquals(200, first.status());
        List<String> bodies = first.document().select(".posts .post-body").eachText();
        assertEquals(20, bodies.size(), first::body);
        assertTrue(bodies.getFirst().startsWith("Búsqueda número 22 "), bodies::toString);
        Element older = first.document().selectFirst(".posts a.older");
        assertTrue(older != null, "a second page");
        assertTrue(older.attr("href").contains("q=busqueda+" + word.toUpperCase() + "&after="), older.attr("href"));

        Page second = new WebClient(base)
                .get(older.attr("href").substring(base.getPath().length()));
        assertEquals(
                List.of("Búsqueda número 2 " + word, "Búsqueda número 1 " + word),
                second.document().select(".posts .post-body").eachText());
        assertTrue(second.document().select("#search-people").isEmpty(), "people on the first page only");

        Page person = new WebClient(base).get(search("@" + ann.substring(0, ann.length() - 1)));
        assertTrue(person.document().select(".connection a.author").eachText().contains(ann), person::body);
        assertEquals(
                "No post holds all of these words.",
                new WebClient(base)
                        .get(search(word + " tea"))
                        .document()
                        .selectFirst(".posts .empty")
                        .text());
    }

    @Test
    void aPersonFoundIsFollowedFromTheResultsAndTheButtonTurnsToUnfollow() {
        String bob = Names.unique("bob");
        new WebClient(base).register(bob);
        WebClient ann = new WebClient(base);
        ann.register(Names.unique("ann"));
        Page results = ann.get(search(bob));
        assertEquals(
                List.of(bob),
                results.document().select("#people .connection a.author").eachText());

        Page answer = ann.click(results, "people", "found:0:follow", Map.of("target", bob));

        assertEquals(200, answer.status(), answer::body);
        assertTrue(answer.body().contains("unfollow-button"), answer::body);
        assertTrue(ann.get("user/" + bob + "/followers")
                        .document()
                        .select(".connection a.author")
                        .eachText()
                        .size()
                == 1);
    }

    @Test
    void everyPageHasTheMenusSearchBoxSendingAGetToTheSearchPage() {
        WebClient visitor = new WebClient(base);
        WebClient member = new WebClient(base);
        member.register(Names.unique("sam"));
        for (Page page : List.of(
                visitor.get(""),
                visitor.get("explore"),
                visitor.get("login"),
                member.get(""),
                member.get("messages"),
                visitor.get("no-such-page"))) {
            Element box = page.document().getElementById("menu-search");
            assertTrue(box != null, page.uri() + " has no search box");
            assertEquals("get", box.attr("method"));
            assertTrue(box.attr("action").endsWith("/search"), box.attr("action"));
            assertEquals("q", box.selectFirst("input[type=search]").attr("name"));
        }
    }

    @Test
    void oddEmptyAndOversizedQueriesGetASentenceNeverAnError() {
        Map<String, String> queries = Map.of(
                "",
                "Find people by the start of their username",
                "%25%5F%5C",
                "There is nothing to search for",
                "%22%27%20OR%201%3D1%20--",
                "Posts",
                "a%20%26%20!b%20%7C%20c%3A*",
                "Posts",
                "%ED%A0%80",
                "There is nothing to search for",
                "%F0%9F%98%80",
                "There is nothing to search for",
                "x".repeat(201),
                "That is too long to search for: at most 200 characters.");
        WebClient client = new WebClient(base);
        queries.forEach((query, answer) -> {
            Page page = client.get("search?q=" + query);
            assertEquals(200, page.status(), query);
            assertTrue(page.text("content").contains(answer), query + ": " + page.text("content"));
        });
        // 10 KB in the address, sent as a browser sends it (HTTP/1.1): the server reads heads of up to 16 KB.
        String answer = WebClient.raw(
                base,
                "GET",
                base.getPath() + "search?q=" + "y".repeat(10 * 1024),
                base.getHost() + ":" + base.getPort());
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer.lines().findFirst().orElse(""));
        assertTrue(answer.contains("That is too long to search for: at most 200 characters."));
        assertEquals(400, client.get("search?q=coffee&after=not-a-cursor").status());
        assertFalse(client.get("search?q=" + "%27".repeat(50)).body().contains("Exception"));
    }
}
