package org.microblog.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * One person's browser without JavaScript, for the soak test: it keeps cookies, submits forms with all their
 * fields and follows redirects only when told to. Each connects from an address of its own on the loopback
 * network (127.x.y.z), as different people would, so that the per-address sign-in throttle counts each person
 * apart. (The in-container tests have a fuller client of their own, {@code org.microblog.it.web.WebClient}.)
 */
final class Browser {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI base;
    private final HttpClient http;

    /** A page as the server sent it. */
    record Page(URI uri, int status, HttpHeaders headers, String body) {}

    Browser(URL base) {
        try {
            this.base = base.toURI();
            InetAddress address = InetAddress.getByAddress(new byte[] {
                127, (byte) RANDOM.nextInt(1, 255), (byte) RANDOM.nextInt(1, 255), (byte) RANDOM.nextInt(1, 255)
            });
            http = HttpClient.newBuilder()
                    .localAddress(address)
                    .cookieHandler(new BrowserCookies())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        } catch (URISyntaxException | UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** GET a path relative to the application's root ("", "user/susan"), not following redirects. */
    Page get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** Follows redirects from {@code page} as a browser does (GET). */
    Page follow(Page page) {
        Page current = page;
        for (int hops = 0; hops < 5 && current.status() / 100 == 3; hops++) {
            URI next = current.uri()
                    .resolve(current.headers().firstValue("Location").orElseThrow());
            current = send(HttpRequest.newBuilder(next).GET());
        }
        return current;
    }

    /** Submits the sign-in form, without following the answer. */
    Page trySignIn(String username, String password) {
        return submit(get("login"), "login", "submit", Map.of("login:username", username, "login:password", password));
    }

    /** Submits form {@code formId} of {@code page} with its button {@code buttonId}, without following. */
    Page submit(Page page, String formId, String buttonId, Map<String, String> changes) {
        Element form = Jsoup.parse(page.body(), page.uri().toString()).getElementById(formId);
        if (form == null || !form.tagName().equals("form")) {
            throw new IllegalStateException("No form " + formId + " on " + page.uri());
        }
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
        form.ownerDocument().select("script[nonce]").stream()
                .findFirst()
                .ifPresent(script -> fields.put("primefaces.nonce", script.attr("nonce")));
        fields.putAll(changes);
        String button = formId + ":" + buttonId;
        fields.put(button, button);
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
            HttpResponse<String> response =
                    http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(built.uri(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Cookies sent as a browser sends them: {@code name=value; name=value}. The JDK files a cookie whose value has
     * a colon (Payara's {@code JSESSIONIDVERSION=2f:0} in a cluster) as an RFC 2965 cookie and sends it quoted
     * with {@code $Path} and {@code $Domain}; Payara then answers an empty page.
     */
    private static final class BrowserCookies extends CookieManager {

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            super.put(uri, responseHeaders);
            getCookieStore().getCookies().forEach(cookie -> cookie.setVersion(0));
        }
    }
}
