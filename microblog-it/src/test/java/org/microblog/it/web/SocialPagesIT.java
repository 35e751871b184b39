package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /who-to-follow} and {@code /notifications} over plain HTTP: signed-in pages, paged, and wrong page
 * numbers are our 400 page. In the browser: SocialBrowserIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SocialPagesIT {

    @ArquillianResource
    URL base;

    @Test
    void aVisitorIsSentToSignInFirst() {
        for (String path : List.of("who-to-follow", "notifications")) {
            WebClient.Page page = new WebClient(base).get(path);
            assertEquals(302, page.status(), path);
            assertTrue(page.header("Location").orElse("").contains("login"), path);
        }
    }

    @Test
    void aWrongPageNumberIsOurBadRequestPage() {
        WebClient client = new WebClient(base);
        client.register(Names.unique("ann")); // and signed in
        for (String path : List.of(
                "who-to-follow?page=0",
                "who-to-follow?page=abc",
                "notifications?page=-1",
                "notifications?page=9999999")) {
            WebClient.Page page = client.get(path);
            assertEquals(400, page.status(), path);
            assertTrue(page.body().contains("id=\"error-title\""), path);
            HttpBehaviourIT.assertNoTechnicalDetails(page);
        }
    }

    @Test
    void notificationsComeInPagesOfTwenty() {
        String star = Names.unique("star");
        WebClient starClient = new WebClient(base);
        starClient.register(star);
        for (int i = 0; i < 21; i++) {
            WebClient fan = new WebClient(base);
            fan.register(Names.unique("fan"));
            WebClient.Page profile = fan.get("user/" + star);
            fan.click(profile, "user", "follow", Map.of("target", star));
        }

        WebClient.Page first = starClient.get("notifications");
        assertEquals(200, first.status());
        assertEquals(20, first.document().select(".notification").size());
        assertEquals(20, first.document().select(".notification.unread").size());
        String more = first.document().select("#notifications-more").attr("href");
        assertTrue(more.endsWith("notifications?page=2"), more);
        assertEquals("1", first.text("unread-count"), "one left unread, not shown yet");

        WebClient.Page second = starClient.get(more);
        assertEquals(1, second.document().select(".notification.unread").size());
        assertEquals("", second.text("unread-count"));
    }
}
