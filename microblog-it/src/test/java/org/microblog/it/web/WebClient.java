package org.microblog.it.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.Socket;
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
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A minimal HTTP client for the deployed application that behaves like a browser without JavaScript:
 * it keeps cookies, submits forms with all their fields, and follows redirects only when told to. It is
 * how the tests do what a browser would not (a POST without its write token, from another site) and read
 * headers. Each client connects from an address of its own on the loopback network (127.x.y.z), as
 * different people would, so that the per-address throttles of one test never meet another's.
 */
public final class WebClient {

    public static final String PASSWORD = "correct-horse-battery";
    static final String NONCE = "primefaces.nonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URL baseUrl;
    private final URI base;
    private final InetAddress address;
    private final CookieManager cookies = new BrowserCookies();
    private final HttpClient http;

    /** A page as the server sent it. */
    public record Page(URI uri, int status, HttpHeaders headers, String body) {

        public Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The text of the element with this id, or empty. */
        public String text(String id) {
            Element element = document().getElementById(id);
            return element == null ? "" : element.text();
        }
    }

    public WebClient(URL base) {
        this.baseUrl = base;
        try {
            this.base = base.toURI();
            address = InetAddress.getByAddress(new byte[] {
                127, (byte) RANDOM.nextInt(1, 255), (byte) RANDOM.nextInt(1, 255), (byte) RANDOM.nextInt(1, 255)
            });
        } catch (URISyntaxException | UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
        http = HttpClient.newBuilder()
                .localAddress(address)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The absolute URI of a path relative to the application's root ("explore", "user/susan"). */
    public URI uri(String path) {
        return base.resolve(path);
    }

    /** GET, following redirects. */
    public Page open(String path) {
        return follow(get(path));
    }

    /** POSTs the fields as a form, with extra headers given as name, value, name, value... */
    public Page post(URI target, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Any method with any body (a test of what a client may send), with headers given as name, value... */
    public Page send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** GET with extra headers given as name, value, name, value... */
    public Page get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /**
     * Clicks an AJAX button as PrimeFaces does: the whole form, the button as source, and the button's
     * parameters ({@code f:param}, such as the Follow button's {@code target}).
     */
    public Page click(Page page, String formId, String buttonId, Map<String, String> parameters, String... headers) {
        String button = formId + ":" + buttonId;
        Map<String, String> fields = new LinkedHashMap<>(fields(page, formId, parameters));
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", button);
        fields.put("jakarta.faces.partial.execute", button);
        fields.put("jakarta.faces.partial.render", formId);
        fields.put(button, button);
        String[] all = new String[headers.length + 2];
        all[0] = "Faces-Request";
        all[1] = "partial/ajax";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post(action(page, formId), fields, all);
    }

    /** What the test probe (org.microblog.it.probe) answers for this client. */
    public String probe(String name) {
        return get("it-probe/" + name).body().strip();
    }

    /** Follows redirects from {@code page} as a browser does (GET). */
    public Page follow(Page page) {
        Page current = page;
        for (int hops = 0; hops < 5 && current.status() / 100 == 3; hops++) {
            URI next = current.uri().resolve(current.header("Location").orElseThrow());
            current = send(HttpRequest.newBuilder(next).GET());
        }
        return current;
    }

    /**
     * The whole answer, head and body, to one request written by hand over a plain socket to {@code server}: for
     * what Java's HTTP client will not send (a malformed path, TRACE, a Host of our choosing).
     */
    public static String raw(URL server, String method, String target, String host) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream()
                    .write((method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields a browser would send for form {@code formId} of {@code page}, with the given changes. */
    public static Map<String, String> fields(Page page, String formId, Map<String, String> changes) {
        return fields(page, form(page, formId), changes);
    }

    /** The fields a browser would send for {@code form} of {@code page}, with the given changes. */
    public static Map<String, String> fields(Page page, Element form, Map<String, String> changes) {
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

    public static Element form(Page page, String formId) {
        Element form = page.document().getElementById(formId);
        if (form == null || !form.tagName().equals("form")) {
            throw new AssertionError("No form " + formId + " on " + page.uri() + ":\n" + page.body());
        }
        return form;
    }

    /**
     * Submits form {@code formId} with its button {@code buttonId} (a name within the form), not following, with
     * extra headers given as name, value...
     */
    public Page submit(Page page, String formId, String buttonId, Map<String, String> changes, String... headers) {
        Map<String, String> fields = new LinkedHashMap<>(fields(page, formId, changes));
        String button = formId + ":" + buttonId;
        fields.put(button, button);
        return post(action(page, formId), fields, headers);
    }

    public static URI action(Page page, String formId) {
        return URI.create(form(page, formId).absUrl("action"));
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .findFirst();
    }

    /** Registers {@code username} through the registration page; the client is then signed in as them. */
    public Page register(String username) {
        Page done = follow(tryRegister(get("register"), username, username + "@example.com"));
        if (!done.body().contains(username)) {
            throw new AssertionError("Registration of " + username + " failed:\n" + done.body());
        }
        return done;
    }

    /** Submits the registration form of {@code form} (a GET of "register"), without following the answer. */
    public Page tryRegister(Page form, String username, String email) {
        return submit(
                form,
                "register",
                "submit",
                Map.of(
                        "register:username", username,
                        "register:email", email,
                        "register:password", PASSWORD,
                        "register:repeatPassword", PASSWORD));
    }

    public Page signIn(String username) {
        return follow(trySignIn(username, PASSWORD, false));
    }

    /** Submits the sign-in form, without following the answer. */
    public Page trySignIn(String username, String password, boolean rememberMe) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login:username", username);
        fields.put("login:password", password);
        if (rememberMe) {
            fields.put("login:rememberMe_input", "on");
        }
        return submit(get("login"), "login", "submit", fields);
    }

    /** A new client (another browser) that holds only this cookie, as a thief who copied it would. */
    public WebClient withCookie(String name, String value) {
        return new WebClient(baseUrl).addCookie(name, value);
    }

    /** Gives this client a cookie, as if the site had set it. */
    public WebClient addCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
        return this;
    }

    /** Renames the signed-in user through the profile editor. */
    public Page rename(String newUsername) {
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
