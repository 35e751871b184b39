package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.it.web.WebClient.Page;

/**
 * Deleting one's own post over plain HTTP: Delete in a list leads to a page that asks first, and only the author
 * gets that page or can make its form act. The same form sent as a GET or from another site: FormReplayIT, which
 * finds it by walking the site.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PostDeletionIT {

    @ArquillianResource
    URL base;

    @Test
    void confirmingDeletesThePostFromTheHomePageTheProfileAndExplore() {
        WebClient ann = new WebClient(base);
        String name = Names.unique("ann");
        ann.register(name);
        String gone = Names.unique("to be deleted");
        String kept = Names.unique("to be kept");
        publish(ann, kept);
        String deletePage = publish(ann, gone);

        assertEquals("2 posts", ann.get("user/" + name).text("posts-count"));
        Page confirm = ann.get(deletePage);
        assertEquals(200, confirm.status(), confirm::body);
        assertTrue(confirm.body().contains(gone), "the page shows the post it deletes");
        Page done = ann.follow(ann.submit(confirm, "deletePost", "delete", Map.of()));

        assertEquals(200, done.status(), done::body);
        assertTrue(done.body().contains("Your post has been deleted."), done::body);
        for (Page list : new Page[] {done, ann.get("user/" + name), new WebClient(base).get("explore")}) {
            assertFalse(list.body().contains(gone), list.uri()::toString);
            assertTrue(list.body().contains(kept), list.uri()::toString);
        }
        assertEquals(404, ann.get(deletePage).status(), "a deleted post has no page");
        assertEquals("1 post", ann.get("user/" + name).text("posts-count"));
    }

    @Test
    void someoneElsesPostHasNoDeletePageAndItsIdInAForgedFormDeletesNothing() {
        WebClient ann = new WebClient(base);
        String annName = Names.unique("ann");
        ann.register(annName);
        String annsPost = Names.unique("ann's");
        String annsDeletePage = publish(ann, annsPost);
        WebClient bob = new WebClient(base);
        bob.register(Names.unique("bob"));
        String bobsDeletePage = publish(bob, Names.unique("bob's"));

        assertEquals(404, bob.get(annsDeletePage).status(), "not bob's to see");
        assertFalse(bob.get("user/" + annName).body().contains("delete-post"), "no Delete on another's post");

        Page bobsForm = bob.get(bobsDeletePage);
        Page refused = bob.post(
                bob.uri(annsDeletePage),
                WebClient.fields(bobsForm, "deletePost", Map.of("deletePost:delete", "deletePost:delete")));
        assertEquals(200, refused.status(), refused::body);
        assertTrue(refused.body().contains("That post does not exist, or it is not yours."), refused::body);
        assertTrue(ann.get("user/" + annName).body().contains(annsPost), "ann's post is still there");
        assertTrue(bob.get(bobsDeletePage).body().contains("id=\"deletePost\""), "and bob's too");
    }

    @Test
    void aVisitorIsSentToSignInAndAnIdThatIsNoNumberIsABadRequest() {
        WebClient ann = new WebClient(base);
        ann.register(Names.unique("ann"));
        String deletePage = publish(ann, Names.unique("post"));

        Page visitor = new WebClient(base).get(deletePage);
        assertEquals(302, visitor.status());
        assertTrue(visitor.header("Location").orElseThrow().contains("/login"), visitor.headers()::toString);
        assertEquals(400, ann.get("delete-post?id=abc").status());
        assertEquals(400, ann.get("delete-post").status());
        assertEquals(404, ann.get("delete-post?id=" + Long.MAX_VALUE).status());
    }

    /** Posts {@code body} from the home page; returns the address of its Delete link, relative to the root. */
    private String publish(WebClient author, String body) {
        Page home = author.follow(author.submit(author.get(""), "post", "submit", Map.of("post:body", body)));
        String href = home.document().select("article.post").stream()
                .filter(post -> post.select(".post-body").text().equals(body))
                .map(post -> post.select("a.delete-post").attr("href"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + body + " on " + home.body()));
        assertTrue(href.contains("/delete-post?id="), href);
        return href.substring(href.indexOf("delete-post"));
    }
}
