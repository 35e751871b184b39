package org.microblog.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests a client can send that are wrong in some way: each gets a 4xx page of ours, with our headers and no
 * technical text, never a 500. The list grows with every new way found (issue 10 names the first ones).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadRequestsIT {

    private static final byte[] THREE_MEGABYTES = new byte[3 * 1024 * 1024];

    static {
        Arrays.fill(THREE_MEGABYTES, (byte) 'a');
    }

    @ArquillianResource
    URL base;

    static Stream<Arguments> requests() {
        return Stream.of(
                request(400, "GET", "explore?after=x&page=abc"),
                request(400, "GET", "user/{user}?after=x&page=abc"),
                request(400, "GET", "user/{user}?after=9223372036854775807-1"),
                request(400, "GET", "explore?after=253402300800000-1"),
                request(400, "GET", "explore?after=-1"),
                request(400, "GET", "user/{user}/followers?page=0"),
                request(400, "GET", "user/{user}/followers?page=99999999999"),
                request(400, "GET", "user/{user}/following?page=abc&after=x"),
                request(404, "GET", "user/"),
                request(404, "GET", "user/{user}/x"),
                request(404, "GET", "WEB-INF/web.xml"),
                // A postback by GET (PostbackFilter; every form in FormReplayIT).
                request(400, "GET", "?jakarta.faces.ViewState=x"),
                request(400, "GET", "user/{user}?jakarta.faces.ViewState=-1%3A2"),
                // A view state no page of ours wrote, posted with a nonce of the right shape: every view is
                // stateless, so Faces cannot restore it (QuietFacesExceptionFilter).
                Arguments.of(
                        400,
                        "POST",
                        "login",
                        BodyPublishers.ofString("login=login&jakarta.faces.ViewState=x&primefaces.nonce="
                                + "M2M0NWVmYjEtMTk0OS00MzdlLTllMWEtZWI4NmU2Y2E1NDdh")),
                // A colon in the path was an empty 500 before Payara 7.2026.1 (Exousia's URLPatternSpec). "./" keeps
                // "a:" from being read as a URI scheme.
                request(404, "GET", "./a:b"),
                request(404, "GET", "a%3Ab"),
                request(404, "GET", "user/a:b"),
                // Not here: a broken %-escape (/user/john%zz, /explore%) is still an empty 200 on a single instance.
                // Grizzly's URI decoder throws before any filter of ours, and Payara's CoyoteAdapter catches only
                // CharConversionException (payara/Payara#8000). In production mode HAProxy answers it with 400
                // (cluster/haproxy.cfg; ClusterIT.theBalancerAnswersWhatPayaraRefusesWithOurPage). Nor an escape that
                // decodes to a NUL or to no UTF-8 (/user/john%00, /user/%FF%FE), a path above / (/%2e%2e/x), TRACE:
                // Payara answers those with an empty 400 or 405 before any filter of ours; HAProxy puts our page in.
                request(405, "PUT", ""),
                request(405, "DELETE", "explore"),
                request(405, "PATCH", "user/{user}"),
                request(405, "OPTIONS", ""),
                Arguments.of(413, "POST", "login", BodyPublishers.ofByteArray(THREE_MEGABYTES)),
                Arguments.of(411, "POST", "login", chunked(THREE_MEGABYTES)));
    }

    private static Arguments request(int status, String method, String path) {
        return Arguments.of(status, method, path, BodyPublishers.noBody());
    }

    @ParameterizedTest(name = "{1} /{2} is {0}")
    @MethodSource("requests")
    void aMalformedRequestGetsOurErrorPage(int status, String method, String path, BodyPublisher body) {
        WebClient client = new WebClient(base);
        if (path.contains("{user}")) {
            // A user of this request's own, whose pages exist: the request is wrong in some other way.
            String user = Names.unique("target");
            new WebClient(base).register(user);
            path = path.replace("{user}", user);
        }
        WebClient.Page page = client.send(method, path, body, "Content-Type", "application/x-www-form-urlencoded");

        assertEquals(status, page.status(), page::body);
        assertOurErrorPage(page);
        if (status == 405) {
            assertEquals("GET, HEAD, POST", page.header("Allow").orElseThrow());
        }
    }

    /** A form sent without one of its fields, as a crafted POST would. */
    @Test
    void aFormWithoutOneOfItsFieldsIsRefusedNotAFailure() {
        WebClient ann = new WebClient(base);
        String name = Names.unique("ann");
        ann.register(name);
        List<String[]> forms = List.of(
                new String[] {"", "post", "submit"},
                new String[] {"", "followByName", "submit"},
                new String[] {"edit-profile", "profile", "submit"},
                new String[] {"change-password", "password", "submit"});
        for (String[] form : forms) {
            WebClient.Page page = ann.get(form[0]);
            Map<String, String> fields = WebClient.fields(page, form[1], Map.of());
            for (String left : fields.keySet()) {
                if (left.equals("microblog.writeToken")) {
                    continue; // without it the answer is 403: WriteProtectionIT
                }
                Map<String, String> sent = new LinkedHashMap<>(fields);
                sent.remove(left);
                sent.put(form[1] + ":" + form[2], form[1] + ":" + form[2]);
                WebClient.Page answer = ann.post(WebClient.action(page, form[1]), sent);
                assertTrue(answer.status() < 500, () -> form[1] + " without " + left + ": " + answer.status());
                HttpBehaviourIT.assertNoTechnicalDetails(answer);
            }
        }
        WebClient visitor = new WebClient(base);
        WebClient.Page login = visitor.get("login");
        for (String left : List.of("login:username", "login:password")) {
            Map<String, String> sent = new LinkedHashMap<>(WebClient.fields(
                    login, "login", Map.of("login:username", name, "login:password", "wrong-password")));
            sent.remove(left);
            sent.put("login:submit", "login:submit");
            WebClient.Page answer = visitor.post(WebClient.action(login, "login"), sent);
            assertTrue(answer.status() < 500, () -> "sign-in without " + left + ": " + answer.status());
            HttpBehaviourIT.assertNoTechnicalDetails(answer);
        }
    }

    private static void assertOurErrorPage(WebClient.Page page) {
        assertTrue(page.body().contains("id=\"error-title\""), page::body);
        assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""), "our headers");
        HttpBehaviourIT.assertNoTechnicalDetails(page);
    }

    /** A body without a length (Transfer-Encoding: chunked), as a client streaming it would send. */
    private static BodyPublisher chunked(byte[] bytes) {
        Flow.Publisher<ByteBuffer> stream = BodyPublishers.ofByteArray(bytes);
        return BodyPublishers.fromPublisher(stream);
    }
}
