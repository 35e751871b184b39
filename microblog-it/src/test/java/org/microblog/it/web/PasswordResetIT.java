package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.it.mail.TestMailServer;
import org.microblog.it.mail.TestMailServer.Received;
import org.microblog.it.web.WebClient.Page;

/**
 * "Forgot your password?" over HTTP, with the mail read from the test run's real SMTP server: the same answer for any
 * address, the link that sets a new password and signs in, a used link, throttling, Spanish mail. The site is reached
 * on 127.0.0.1, as on one's own machine: without {@code microblog.site.url} only such a site mails links.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PasswordResetIT {

    static final Pattern LINK = Pattern.compile("http://\\S+/reset-password\\?token=[A-Za-z0-9_-]+");
    private static final String SIGNED_IN = "id=\"signOut\"";
    private static final String SENT = "If an account has that address, a link to choose a new password is on its way";
    private static final String NEW_PASSWORD = "staple-battery-horse";

    @ArquillianResource
    URL base;

    /** The site as this machine reaches it: the same server, on 127.0.0.1. */
    static URL onLoopback(URL base) {
        try {
            URI uri = base.toURI();
            return new URI(uri.getScheme(), null, "127.0.0.1", uri.getPort(), uri.getPath(), null, null).toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private WebClient client() {
        return new WebClient(onLoopback(base));
    }

    private static Page ask(WebClient client, String email, String... headers) {
        return client.submit(
                client.get("forgot-password", headers), "forgot", "submit", Map.of("forgot:email", email), headers);
    }

    /** Whether {@code username} can sign in with {@code password}, from a client of its own. */
    private Page signIn(String username, String password) {
        WebClient client = client();
        return client.follow(client.trySignIn(username, password, false));
    }

    static String link(Received mail) {
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find(), mail::text);
        assertTrue(mail.html().contains("href=\"" + link.group() + "\""), mail::html);
        return link.group();
    }

    @Test
    void everyAddressGetsTheSameAnswerAndOnlyAnAccountGetsAMail() {
        String ann = Names.unique("ann");
        client().register(ann);
        String nobody = Names.unique("nobody") + "@example.com";

        Page unknown = ask(client(), nobody);
        Page known = ask(client(), ann.toUpperCase() + "@EXAMPLE.COM");

        assertEquals(302, unknown.status());
        assertEquals(unknown.status(), known.status());
        assertEquals(unknown.header("Location"), known.header("Location"));
        WebClient reader = client();
        assertTrue(reader.follow(ask(reader, nobody)).body().contains(SENT));
        Received mail = TestMailServer.awaitMailTo(ann + "@example.com", 1).getFirst();
        assertEquals("Choose a new Microblog password", mail.subject());
        assertTrue(mail.text().contains("Hello " + ann), mail::text);
        assertEquals(List.of(), TestMailServer.mailTo(nobody));
    }

    /**
     * The site reached under a name the request chose (here the machine's own address, not a loopback one, with no
     * {@code microblog.site.url} configured): the same answer, but no link is made, since its address would be the
     * asker's to choose.
     */
    @Test
    void noLinkIsMadeForAHostNameThatTheRequestChose() {
        String ann = Names.unique("ann");
        client().register(ann);

        Page elsewhere = ask(new WebClient(base), ann + "@example.com");
        Page here = ask(client(), ann + "@example.com");

        assertEquals(302, elsewhere.status());
        assertEquals(
                here.header("Location").map(l -> l.substring(l.lastIndexOf('/'))),
                elsewhere.header("Location").map(l -> l.substring(l.lastIndexOf('/'))));
        String link = link(TestMailServer.awaitMailTo(ann + "@example.com", 1).getFirst());
        assertTrue(link.startsWith(onLoopback(base).toString()), link);
        assertEquals(1, TestMailServer.mailTo(ann + "@example.com").size(), "none for the other name");
    }

    @Test
    void theLinkSetsANewPasswordSignsInEndsEveryOtherSessionAndServesOnce() {
        String ann = Names.unique("ann");
        WebClient elsewhere = client();
        elsewhere.register(ann);
        WebClient forgetful = client();
        ask(forgetful, ann + "@example.com");
        String link = link(TestMailServer.awaitMailTo(ann + "@example.com", 1).getFirst());

        Page form = forgetful.get(link.substring(link.indexOf("reset-password")));
        assertEquals(200, form.status());
        Page mismatch = forgetful.submit(
                form,
                "reset",
                "submit",
                Map.of("reset:newPassword", NEW_PASSWORD, "reset:repeatPassword", NEW_PASSWORD + "x"));
        assertTrue(mismatch.body().contains("The passwords do not match."), mismatch::body);
        Page done = forgetful.follow(forgetful.submit(
                form,
                "reset",
                "submit",
                Map.of("reset:newPassword", NEW_PASSWORD, "reset:repeatPassword", NEW_PASSWORD)));

        assertTrue(done.body().contains(SIGNED_IN), done::body);
        assertTrue(done.body().contains("Your new password is set"), done::body);
        assertFalse(elsewhere.open("").body().contains(SIGNED_IN), "the other session ended");
        assertFalse(signIn(ann, WebClient.PASSWORD).body().contains(SIGNED_IN));
        assertTrue(signIn(ann, NEW_PASSWORD).body().contains(SIGNED_IN));
        Page again = client().get(link.substring(link.indexOf("reset-password")));
        assertEquals(200, again.status());
        assertEquals(
                "This link can no longer be used",
                again.document().select("#invalid h1").text());
        assertTrue(again.document().select("#reset").isEmpty(), "no form for a used link");
    }

    @Test
    void aForgedLinkGetsAClearPageAndAPostWithItChangesNothing() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient forger = client();
        Page forged = forger.get("reset-password?token=forged-token");
        assertEquals(200, forged.status());
        assertEquals(
                "This link can no longer be used",
                forged.document().select("#invalid h1").text());

        ask(forger, ann + "@example.com");
        String link = link(TestMailServer.awaitMailTo(ann + "@example.com", 1).getFirst());
        Page form = forger.get(link.substring(link.indexOf("reset-password")));
        URI forgedAction = URI.create(
                WebClient.action(form, "reset").toString().replaceAll("token=[A-Za-z0-9_-]+", "token=forged"));
        Page refused = forger.post(
                forgedAction,
                WebClient.fields(
                        form,
                        "reset",
                        Map.of("reset:newPassword", NEW_PASSWORD, "reset:repeatPassword", NEW_PASSWORD)));
        assertTrue(refused.status() < 500, refused::body);
        assertFalse(refused.body().contains(SIGNED_IN), refused::body);
        assertFalse(signIn(ann, NEW_PASSWORD).body().contains(SIGNED_IN));
    }

    @Test
    void askingIsThrottledPerAddressAndMailsPerAccount() {
        String ann = Names.unique("ann");
        client().register(ann);
        for (int i = 0; i < 4; i++) {
            assertEquals(302, ask(client(), ann + "@example.com").status(), "request " + i);
        }
        WebClient crawler = client();
        for (int i = 0; i < 5; i++) {
            assertEquals(302, ask(crawler, Names.unique("x") + "@example.com").status(), "request " + i);
        }
        Page refused = ask(crawler, ann + "@example.com");

        assertEquals(429, refused.status());
        assertTrue(refused.body().contains("Too many requests from your network."), refused::body);
        assertTrue(Long.parseLong(refused.header("Retry-After").orElseThrow()) > 0);
        assertEquals(3, TestMailServer.awaitMailTo(ann + "@example.com", 3).size());
        assertEquals(3, TestMailServer.mailTo(ann + "@example.com").size(), "three an hour per account");
    }

    @Test
    void changingTheAddressNeedsTheCurrentPasswordAndEndsTheLinksSentToTheOldOne() {
        String ann = Names.unique("ann");
        WebClient owner = client();
        owner.register(ann);
        String newAddress = Names.unique("ann-new") + "@example.com";
        ask(client(), ann + "@example.com");
        String oldLink =
                link(TestMailServer.awaitMailTo(ann + "@example.com", 1).getFirst());

        Page wrong = owner.submit(
                owner.get("edit-profile"),
                "email",
                "submit",
                Map.of("email:newEmail", newAddress, "email:currentPassword", "not-the-password"));
        assertTrue(wrong.body().contains("The current password is not right."), wrong::body);
        assertEquals(ann + "@example.com", owner.get("edit-profile").text("currentEmail"));

        Page changed = owner.follow(owner.submit(
                owner.get("edit-profile"),
                "email",
                "submit",
                Map.of("email:newEmail", newAddress.toUpperCase(), "email:currentPassword", WebClient.PASSWORD)));
        assertTrue(changed.body().contains("Your e-mail address has been changed."), changed::body);
        assertEquals(newAddress, changed.text("currentEmail"));
        Page old = client().get(oldLink.substring(oldLink.indexOf("reset-password")));
        assertEquals(
                "This link can no longer be used",
                old.document().select("#invalid h1").text());

        ask(client(), ann + "@example.com");
        ask(client(), newAddress);
        link(TestMailServer.awaitMailTo(newAddress, 1).getFirst());
        assertEquals(1, TestMailServer.mailTo(ann + "@example.com").size(), "nothing more to the old address");
    }

    @Test
    void aSpanishReaderGetsTheMailInSpanish() {
        String ann = Names.unique("ann");
        client().register(ann);
        ask(client(), ann + "@example.com", "Accept-Language", "es");

        Received mail = TestMailServer.awaitMailTo(ann + "@example.com", 1).getFirst();
        assertEquals("Elige una contraseña nueva de Microblog", mail.subject());
        assertTrue(mail.text().startsWith("Hola, " + ann + ":"), mail::text);
        assertTrue(mail.html().contains("Elegir una contraseña nueva"), mail::html);
        link(mail);
    }
}
