package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.microblog.it.Concurrently;

/**
 * Signing in and out over HTTP: throttling, the way back after signing in, session ids, remember-me tokens,
 * changing the password and signing out everywhere.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIT {

    private static final String REMEMBER = "microblog_remember";
    private static final String SIGNED_IN = "id=\"signOut\"";
    private static final String NEW_PASSWORD = "staple-battery-horse";
    /** The suite's server allows this many registrations per address (microblog-it/pom.xml). */
    private static final int REGISTRATIONS_PER_ADDRESS = Integer.getInteger("microblog.it.registrations-per-address");

    /** And this many sign-in attempts per address. */
    private static final int SIGN_INS_PER_ADDRESS = Integer.getInteger("microblog.it.sign-ins-per-address");

    @ArquillianResource
    URL base;

    private WebClient client() {
        return new WebClient(base);
    }

    private static boolean isSignedIn(WebClient.Page page) {
        return page.body().contains(SIGNED_IN);
    }

    @Test
    void afterAHandfulOfWrongPasswordsTheAccountMustWaitAndARefusedAttemptCostsNoHash() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient attacker = client();
        for (int attempt = 1; attempt <= 6; attempt++) {
            WebClient.Page wrong = attacker.trySignIn(ann, "wrong-password-" + attempt, false);
            assertEquals(200, wrong.status(), "attempt " + attempt);
            assertTrue(wrong.body().contains("Invalid username or password."), wrong::body);
        }
        long hashesBefore = Long.parseLong(attacker.probe("hashes"));

        WebClient.Page refused = client().trySignIn(ann.toUpperCase(), WebClient.PASSWORD, false);

        long hashesAfter = Long.parseLong(attacker.probe("hashes"));
        assertEquals(429, refused.status());
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 30, "Retry-After " + retryAfter);
        assertTrue(refused.body().contains("Too many sign-in attempts. Please wait a minute"), refused::body);
        assertEquals(hashesBefore, hashesAfter, "a refused attempt computed a password hash");
        assertFalse(isSignedIn(client().open("")));
    }

    @Test
    void oneAddressGetsItsAttemptsPerFiveMinutesOthersAreNotAffected() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient crawler = client();
        for (int attempt = 1; attempt <= SIGN_INS_PER_ADDRESS; attempt++) {
            assertEquals(
                    200,
                    crawler.trySignIn(Names.unique("guess"), "guess-" + attempt, false)
                            .status());
        }

        WebClient.Page refused = crawler.trySignIn(ann, WebClient.PASSWORD, false);
        WebClient.Page elsewhere = client().trySignIn(ann, WebClient.PASSWORD, false);

        assertEquals(429, refused.status());
        assertTrue(Long.parseLong(refused.header("Retry-After").orElseThrow()) <= 300);
        assertTrue(refused.body().contains("Too many sign-in attempts."), refused::body);
        assertEquals(302, elsewhere.status(), "another address signs in");
    }

    @Test
    void registrationsAreLimitedPerAddress() {
        WebClient office = client();
        for (int i = 0; i < REGISTRATIONS_PER_ADDRESS; i++) {
            office.register(Names.unique("staff"));
        }

        String late = Names.unique("late");
        WebClient.Page refused = office.submit(
                office.get("register"),
                "register",
                "submit",
                Map.of(
                        "register:username",
                        late,
                        "register:email",
                        late + "@example.com",
                        "register:password",
                        WebClient.PASSWORD,
                        "register:repeatPassword",
                        WebClient.PASSWORD));

        assertEquals(429, refused.status());
        assertTrue(refused.header("Retry-After").isPresent());
        assertTrue(refused.body().contains("Too many new accounts from your network."), refused::body);
        assertEquals(404, client().get("user/" + late).status());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/http://h/",
                "/https://h",
                "//h",
                "/\\h",
                "\\\\h",
                "///h",
                "/%09/h",
                " //h",
                "http://h",
                "javascript:alert(1)",
                "/HTTP://h",
                "/:b",
                "/\t/h",
                "https://evil.example/"
            })
    void afterSigningInTheBrowserStaysOnThisSite(String next) {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient browser = client();
        WebClient.Page form = browser.get("login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));

        WebClient.Page answer = browser.submit(
                form, "login", "submit", Map.of("login:username", ann, "login:password", WebClient.PASSWORD));

        assertEquals(302, answer.status(), next);
        URI target = answer.uri().resolve(answer.header("Location").orElseThrow());
        assertEquals(browser.uri("").getAuthority(), target.getAuthority(), () -> next + " led to " + target);
        assertEquals(browser.uri("").getScheme(), target.getScheme(), () -> next + " led to " + target);
    }

    /**
     * A return address that Payara itself would refuse with a bare 400 (an escaped backslash in the path) leads to
     * the home page, signed in: whether the address asks for it escaped once (the parameter is {@code /\evil.test})
     * or twice (the parameter is {@code /%5Cevil.test}), or an escaped slash.
     */
    @ParameterizedTest
    @ValueSource(strings = {"login?next=/%5Cevil.test", "login?next=/%255Cevil.test", "login?next=/%252F/evil.test"})
    void anUnusableReturnAddressEndsOnTheSignedInHomePage(String login) {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient browser = client();
        WebClient.Page form = browser.get(login);

        WebClient.Page answer = browser.submit(
                form, "login", "submit", Map.of("login:username", ann, "login:password", WebClient.PASSWORD));
        WebClient.Page landed = browser.follow(answer);

        assertEquals(
                browser.uri(""), answer.uri().resolve(answer.header("Location").orElseThrow()), login);
        assertEquals(200, landed.status(), landed::body);
        assertTrue(isSignedIn(landed), landed::body);
        assertTrue(landed.document().getElementById("post") != null, "the signed-in home page has the post form");
    }

    @Test
    void signingInGoesBackToThePageThatAskedForIt() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient browser = client();
        String explore = browser.uri("explore").getPath() + "?after=1790000000000-1";
        WebClient.Page form = browser.get("login?next=" + URLEncoder.encode(explore, StandardCharsets.UTF_8));

        WebClient.Page answer = browser.submit(
                form, "login", "submit", Map.of("login:username", ann, "login:password", WebClient.PASSWORD));

        assertEquals(
                browser.uri("explore?after=1790000000000-1"),
                answer.uri().resolve(answer.header("Location").orElseThrow()));
    }

    @Test
    void becomingSignedInAlwaysGivesANewSessionId() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient browser = client();
        browser.signIn(ann);
        String first = sessionId(browser);
        signOut(browser);
        String afterSignOut = sessionId(browser);

        browser.signIn(ann);

        assertNotEquals(afterSignOut, sessionId(browser));
        assertNotEquals(first, sessionId(browser));
        assertTrue(isSignedIn(browser.get("")));
    }

    @Test
    void rememberMeIsAnHttpOnlyLaxCookieThatSignsInAnotherBrowserWithANewSessionAndIsRotated() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient laptop = client();

        WebClient.Page signedIn = laptop.trySignIn(ann, WebClient.PASSWORD, true);

        String setCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(REMEMBER + "="))
                .findFirst()
                .orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertTrue(setCookie.contains("Max-Age=1209600"), setCookie);
        String token = rememberMeToken(laptop);

        // A browser that already has a session of its own (a visitor's, after signing someone else out).
        WebClient desktop = client();
        desktop.register(Names.unique("carl"));
        signOut(desktop);
        String visitorSession = sessionId(desktop);
        WebClient.Page home = desktop.addCookie(REMEMBER, token).get("");

        assertTrue(isSignedIn(home), home::body);
        String rotated = home.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(REMEMBER + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no new token: " + home.headers()));
        assertFalse(rotated.startsWith(REMEMBER + "=" + token), "the token was not rotated");
        assertNotEquals(visitorSession, sessionId(desktop));
    }

    @Test
    void signingOutEndsTheRememberMeTokenSoACopiedCookieNoLongerSignsIn() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient laptop = rememberedBrowserOf(ann);
        String copied = rememberMeToken(laptop);

        WebClient.Page signedOut = signOut(laptop);

        assertTrue(signedOut.body().contains("You have been signed out."), signedOut::body);
        assertTrue(laptop.cookie(REMEMBER).isEmpty(), "the browser still holds the cookie");
        WebClient thief = client().withCookie(REMEMBER, copied);
        WebClient.Page page = thief.get("");
        assertFalse(isSignedIn(page), "a copied cookie signed in after sign-out");
    }

    @Test
    void afterTheBrowserSignsOutTheCookieItsSignInReplacedNoLongerSignsInNotEvenWithinTheGrace() {
        String ann = Names.unique("ann");
        client().register(ann);
        String copied = rememberMeToken(rememberedBrowserOf(ann));
        // The browser comes back without a session: the cookie signs it in and is replaced.
        WebClient laptop = client().withCookie(REMEMBER, copied);
        WebClient.Page home = laptop.get("");
        assertTrue(isSignedIn(home));
        assertNotEquals(copied, replacementIn(home).orElseThrow());

        signOut(laptop);

        assertFalse(isSignedIn(client().withCookie(REMEMBER, copied).get("")), "the replaced cookie signed in");
    }

    @Test
    void aThiefWhoUsedACopiedCookieFirstLosesTheReplacementWhenTheOwnerSignsOut() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient laptop = rememberedBrowserOf(ann);
        WebClient.Page thiefsPage =
                client().withCookie(REMEMBER, rememberMeToken(laptop)).get("");
        assertTrue(isSignedIn(thiefsPage));
        String thiefs = replacementIn(thiefsPage).orElseThrow();

        signOut(laptop);

        assertFalse(isSignedIn(client().withCookie(REMEMBER, thiefs).get("")), "the thief's cookie signed in");
    }

    @Test
    void aCookieTwoRotationsOldIsTakenAsStolenAndEndsEveryRememberedBrowserOfItsUser() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient phone = rememberedBrowserOf(ann);
        String phones = rememberMeToken(phone);
        String copied = rememberMeToken(rememberedBrowserOf(ann));
        WebClient.Page first = client().withCookie(REMEMBER, copied).get("");
        WebClient.Page second = client().withCookie(
                        REMEMBER, replacementIn(first).orElseThrow())
                .get("");
        assertTrue(isSignedIn(first) && isSignedIn(second));
        String newest = replacementIn(second).orElseThrow();

        // What the owner's browser never sends again: the cookie it had before its last two sign-ins.
        WebClient.Page stolen = client().withCookie(REMEMBER, copied).get("");

        assertFalse(isSignedIn(stolen));
        assertFalse(isSignedIn(client().withCookie(REMEMBER, newest).get("")), "the newest cookie of the series");
        assertFalse(isSignedIn(client().withCookie(REMEMBER, phones).get("")), "another device's cookie");
        assertFalse(isSignedIn(phone.open("")), "another device's session");
    }

    @Test
    void theRequestsOfOnePageLoadCarryingOneCookieAllSignInAndOneOfThemRotatesIt() throws Exception {
        String ann = Names.unique("ann");
        client().register(ann);
        String token = rememberMeToken(rememberedBrowserOf(ann));

        List<WebClient.Page> pages = Concurrently.runAtOnce(
                4, () -> client().withCookie(REMEMBER, token).get(""));

        assertTrue(pages.stream().allMatch(SignInIT::isSignedIn), "every request of the page load signs in");
        List<String> rotated =
                pages.stream().flatMap(page -> replacementIn(page).stream()).toList();
        assertEquals(1, rotated.size(), () -> "new cookies: " + rotated);
        assertTrue(isSignedIn(client().withCookie(REMEMBER, token).get("")), "the old one, for the grace");
        assertTrue(isSignedIn(client().withCookie(REMEMBER, rotated.getFirst()).get("")), "the new one");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutEveryOtherBrowser() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient phone = rememberedBrowserOf(ann);
        String phonesToken = rememberMeToken(phone);
        WebClient laptop = client();
        laptop.signIn(ann);
        String laptopSession = sessionId(laptop);

        WebClient.Page wrong = changePassword(laptop, "not-my-password", NEW_PASSWORD);
        assertTrue(wrong.body().contains("The current password is not right."), wrong::body);
        assertTrue(isSignedIn(phone.get("")), "a refused change signs nobody out");

        WebClient.Page changed = laptop.follow(changePassword(laptop, WebClient.PASSWORD, NEW_PASSWORD));

        assertTrue(changed.body().contains("Your password has been changed."), changed::body);
        assertTrue(isSignedIn(laptop.get("")), "this browser stays signed in");
        assertNotEquals(laptopSession, sessionId(laptop), "with a new session id");
        assertFalse(isSignedIn(phone.open("")), "the other browser is signed out");
        assertFalse(isSignedIn(client().withCookie(REMEMBER, phonesToken).get("")), "its token is gone");
        assertEquals(200, client().trySignIn(ann, WebClient.PASSWORD, false).status(), "the old password fails");
        assertEquals(302, client().trySignIn(ann, NEW_PASSWORD, false).status(), "the new one works");
    }

    @Test
    void signingOutEverywhereEndsEverySessionAndToken() {
        String ann = Names.unique("ann");
        client().register(ann);
        WebClient phone = rememberedBrowserOf(ann);
        String phonesToken = rememberMeToken(phone);
        WebClient laptop = client();
        laptop.signIn(ann);

        WebClient.Page page = laptop.get("change-password");
        WebClient.Page done = laptop.follow(laptop.submit(page, "everywhere", "submit", Map.of()));

        assertTrue(done.body().contains("You have been signed out on every browser and device."), done::body);
        assertFalse(isSignedIn(done));
        assertFalse(isSignedIn(phone.open("")), "the other browser is signed out");
        assertFalse(isSignedIn(client().withCookie(REMEMBER, phonesToken).get("")));
    }

    /** A new browser in which {@code username} signed in with "Remember me". */
    private WebClient rememberedBrowserOf(String username) {
        WebClient browser = client();
        browser.follow(browser.trySignIn(username, WebClient.PASSWORD, true));
        return browser;
    }

    private static String rememberMeToken(WebClient browser) {
        return browser.cookie(REMEMBER).map(HttpCookie::getValue).orElseThrow();
    }

    /** The remember-me cookie value that {@code page} sets, if it sets one (and does not delete it). */
    private static Optional<String> replacementIn(WebClient.Page page) {
        return page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(REMEMBER + "="))
                .map(c -> c.substring(REMEMBER.length() + 1, c.indexOf(';')))
                .filter(value -> !value.isEmpty() && !value.equals("\"\""))
                .findFirst();
    }

    private static WebClient.Page changePassword(WebClient browser, String current, String replacement) {
        WebClient.Page form = browser.get("change-password");
        return browser.submit(
                form,
                "password",
                "submit",
                Map.of(
                        "password:currentPassword", current,
                        "password:newPassword", replacement,
                        "password:repeatPassword", replacement));
    }

    private static WebClient.Page signOut(WebClient browser) {
        WebClient.Page home = browser.get("");
        return browser.follow(browser.submit(home, "signOut", "submit", Map.of()));
    }

    private static String sessionId(WebClient browser) {
        return browser.cookie("JSESSIONID").map(HttpCookie::getValue).orElse("none");
    }
}
