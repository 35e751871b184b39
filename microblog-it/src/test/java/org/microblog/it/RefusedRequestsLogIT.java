package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A refused request is the client's mistake, not a fault of ours: it writes at most one short line to the server's
 * log and never a stack trace, which under a scanner would fill the disk (issue 10). The test runs in the server
 * to watch its log, and sends each request over HTTP to the server's own port. BadRequestsIT checks the answers.
 */
@ExtendWith(ArquillianExtension.class)
class RefusedRequestsLogIT {

    /**
     * One client for the class, whose connections stay open as a browser's do. A client that closes its connection
     * the moment it has read an error page can make Payara log a warning: its error valve flushes the finished
     * page once more (noted in docs/security.md, "Known gap").
     */
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Arquillian's own request, which runs this test: it tells the port and context path of the application. */
    @Inject
    HttpServletRequest runner;

    /** {@code lines}: what the server logs at INFO or above; a forgery is worth a line, a wrong address is not. */
    @ParameterizedTest(name = "{0} /{1}")
    @CsvSource({
        "GET, ?jakarta.faces.ViewState=x, 1", // a view state no page of ours wrote
        "GET, login?jakarta.faces.ViewState=stateless&login=login, 1", // a postback by GET
        "GET, ?post=post&post%3Asubmit=&jakarta.faces.ViewState=stateless&primefaces.nonce=x, 1",
        "HEAD, login?jakarta.faces.ViewState=stateless&login=login&primefaces.nonce=AAAA, 1",
        "POST, login?jakarta.faces.ViewState=stateless&login=login&primefaces.nonce=x, 1", // a malformed nonce
        "POST, login?jakarta.faces.ViewState=stateless&login=login&primefaces.nonce=a%20b, 1",
        "POST, login?jakarta.faces.ViewState=stateless&login=login, 1", // no nonce
        "GET, explore?after=x&page=abc, 0",
        "GET, user/nobody-is-called-this, 0",
        "PUT, explore, 0",
    })
    void aRefusedRequestLogsAtMostOneLineAndNoStackTrace(String method, String path, int lines) throws Exception {
        ServerLog.Recorded<Integer> sent = ServerLog.during("", () -> send(method, path));
        int status = sent.answer();
        List<LogRecord> records = sent.records();

        assertTrue(status >= 400 && status < 500, "status " + status);
        assertEquals(
                List.of(),
                records.stream()
                        .filter(r -> r.getThrown() != null)
                        .map(r -> r.getLoggerName() + ": " + r.getThrown())
                        .toList());
        List<String> logged = records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .map(LogRecord::getMessage)
                .toList();
        assertEquals(lines, logged.size(), logged::toString);
    }

    private int send(String method, String path) throws Exception {
        URI base = URI.create("http://127.0.0.1:" + runner.getLocalPort() + runner.getContextPath() + "/");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (method.equals("POST")) { // the query as a form's body
            String[] target = path.split("\\?", 2);
            request.uri(base.resolve(target[0]))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(target.length > 1 ? target[1] : ""));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
