package org.microblog.it.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A minimal HTTP client for the deployed application that behaves like a browser without JavaScript:
 * it keeps cookies, submits forms with all their fields, and follows redirects only when told to. It is
 * how the tests do what a browser would not (a POST without a ViewState) and read headers.
 */
final class WebClient {

    static final String PASSWORD = "correct-horse-battery";
    static final String NONCE = "primefaces.nonce";

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    /** A page as the server sent it. */
    record Page(URI uri, int status, HttpHeaders headers, String body) {

        Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The text of the element with this id, or empty. */
        String text(String id) {
            Element element = document().getElementById(id);
            return element == null ? "" : element.text();
        }
    }

    WebClient(URL base) {
        try {
            this.base = base.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The absolute URI of a path relative to the application's root ("explore", "user/susan"). */
    URI uri(String path) {
        return base.resolve(path);
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** GET, following redirects. */
    Page open(String path) {
        return follow(get(path));
    }

    Page post(URI target, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows redirects from {@code page} as a browser does (GET). */
    Page follow(Page page) {
        Page current = page;
        for (int hops = 0; hops < 5 && current.status() / 100 == 3; hops++) {
            URI next = current.uri().resolve(current.header("Location").orElseThrow());
            current = send(HttpRequest.newBuilder(next).GET());
        }
        return current;
    }

    /** The fields a browser would send for form {@code formId} of {@code page}, with the given changes. */
    static Map<String, String> fields(Page page, String formId, Map<String, String> changes) {
        Element form = form(page, formId);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name]")) {
            String type = input.attr("type");
            if (type.equals("submit")
                    || type.equals("button")
                    || type.equals("checkbox") && !input.hasAttr("checked")) {
                continue;
            }
            fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.val());
        }
        // What PrimeFaces' script adds to every submit when the Content-Security-Policy is on.
        page.document().select("script[nonce]").stream()
                .findFirst()
                .ifPresent(script -> fields.put(NONCE, script.attr("nonce")));
        fields.putAll(changes);
        return fields;
    }

    static Element form(Page page, String formId) {
        Element form = page.document().getElementById(formId);
        if (form == null || !form.tagName().equals("form")) {
            throw new AssertionError("No form " + formId + " on " + page.uri() + ":\n" + page.body());
        }
        return form;
    }

    /** Submits form {@code formId} with its button {@code buttonId} (a name within the form), not following. */
    Page submit(Page page, String formId, String buttonId, Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>(fields(page, formId, changes));
        String button = formId + ":" + buttonId;
        fields.put(button, button);
        return post(action(page, formId), fields);
    }

    static URI action(Page page, String formId) {
        return URI.create(form(page, formId).absUrl("action"));
    }

    Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .findFirst();
    }

    /** Registers {@code username} through the registration page; the client is then signed in as them. */
    Page register(String username) {
        Page form = get("register");
        Page done = follow(submit(
                form,
                "register",
                "submit",
                Map.of(
                        "register:username", username,
                        "register:email", username + "@example.com",
                        "register:password", PASSWORD,
                        "register:repeatPassword", PASSWORD)));
        if (!done.body().contains(username)) {
            throw new AssertionError("Registration of " + username + " failed:\n" + done.body());
        }
        return done;
    }

    Page signIn(String username) {
        Page form = get("login");
        return follow(submit(form, "login", "submit", Map.of("login:username", username, "login:password", PASSWORD)));
    }

    /** Renames the signed-in user through the profile editor. */
    Page rename(String newUsername) {
        Page form = get("edit-profile");
        return follow(submit(form, "profile", "submit", Map.of("profile:username", newUsername)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
            HttpResponse<String> response =
                    http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(built.uri(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
