package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * Private messages over HTTP: only the two people of a conversation ever get its content, the menu counts what is
 * unread until it is read, and a block either way stops the messages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MessagesIT {

    @ArquillianResource
    URL base;

    private WebClient signedUp(String name) {
        WebClient client = new WebClient(base);
        client.register(name);
        return client;
    }

    private static Page send(WebClient from, String to, String text) {
        return from.follow(from.submit(from.get("messages/" + to), "message", "submit", Map.of("message:body", text)));
    }

    @Test
    void onlyTheTwoPeopleOfAConversationEverGetItsContent() {
        String ann = Names.unique("ann");
        String bob = Names.unique("bob");
        String carol = Names.unique("carol");
        WebClient annClient = signedUp(ann);
        signedUp(bob);
        WebClient carolClient = signedUp(carol);
        String secret = "a secret for " + bob;
        assertTrue(send(annClient, bob, secret).body().contains("Your message has been sent."));

        assertEquals(302, new WebClient(base).get("messages/" + bob).status(), "a visitor signs in first");
        for (String path :
                new String[] {"messages/" + bob, "messages/" + ann, "messages", "messages/" + bob + "?before=999999999"
                }) {
            Page page = carolClient.get(path);
            assertEquals(200, page.status(), path);
            assertFalse(page.body().contains(secret), path);
        }
        assertEquals(404, carolClient.get("messages/" + carol).status(), "no conversation with oneself");
        assertEquals(404, carolClient.get("messages/" + Names.unique("nobody")).status());
        assertEquals(404, carolClient.get("messages/" + bob + "/more").status());
        assertEquals(400, carolClient.get("messages/" + bob + "?before=abc").status());
        Page carolWrites = carolClient.submit(
                carolClient.get("messages/" + bob), "message", "submit", Map.of("message:body", "hi"));
        assertEquals(302, carolWrites.status(), carolWrites::body);
        assertFalse(annClient.get("messages/" + bob).body().contains(">hi<"), "carol's went to her own conversation");
    }

    @Test
    void theMenuCountsUnreadMessagesUntilTheConversationIsOpened() {
        String ann = Names.unique("ann");
        String bob = Names.unique("bob");
        WebClient annClient = signedUp(ann);
        WebClient bobClient = signedUp(bob);
        send(annClient, bob, "first");
        send(annClient, bob, "second");

        Page home = bobClient.get("");
        assertEquals("2", home.text("unread-messages"));
        Page list = bobClient.get("messages");
        assertTrue(list.text("content").contains(ann), list::body);
        assertTrue(list.body().contains("second"), list::body);
        Page conversation = bobClient.get("messages/" + ann);
        assertTrue(conversation.body().contains("first") && conversation.body().contains("second"));
        assertNull(conversation.document().getElementById("unread-messages"), "read once shown");
        assertNull(bobClient.get("").document().getElementById("unread-messages"));
        assertNull(annClient.get("").document().getElementById("unread-messages"), "one's own are never unread");
    }

    @Test
    void aBlockEitherWayStopsMessagesAndHidesTheConversationFromTheBlocked() {
        String ann = Names.unique("ann");
        String bob = Names.unique("bob");
        WebClient annClient = signedUp(ann);
        WebClient bobClient = signedUp(bob);
        send(annClient, bob, "before the block");
        Page blocked = bobClient.click(bobClient.get("user/" + ann), "user", "block", Map.of("target", ann));
        assertTrue(blocked.status() < 400, blocked::body);
        assertNotNull(bobClient.get("user/" + ann).document().getElementById("blocked"));

        assertEquals(404, annClient.get("messages/" + bob).status());
        assertFalse(annClient.get("messages").body().contains("before the block"));
        Page blockers = bobClient.get("messages/" + ann);
        assertTrue(blockers.body().contains("before the block"));
        assertNotNull(blockers.document().getElementById("cannot-write"));
        assertNull(blockers.document().getElementById("message"), "no form");
        assertNull(bobClient.get("user/" + ann).document().getElementById("message"), "no Message button");
    }
}
