package org.microblog.it.probe;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Collections;
import org.microblog.service.account.Passwords;

/**
 * What the HTTP tests cannot see from outside, answered as plain text; deployed with the tests only, never
 * part of the application's WAR.
 *
 * <ul>
 * <li>{@code /it-probe/session}: the caller's session as a cluster would replicate it: its attributes and
 * the signed-in caller, Java-serialized; the answer is {@code <bytes> <attribute names>}, or {@code none}
 * without a session. It never creates one.</li>
 * <li>{@code /it-probe/hashes}: how many password hashes this server has computed (Passwords).</li>
 * <li>{@code /it-probe/unavailable}: answers 503 through the application's error page, as a database outage
 * does, without taking the database away.</li>
 * </ul>
 */
@WebServlet("/it-probe/*")
public class ProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Passwords passwords;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/unavailable".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setContentType("text/plain");
        String answer =
                switch (String.valueOf(request.getPathInfo())) {
                    case "/session" -> session(request);
                    case "/hashes" -> Long.toString(passwords.hashesComputed());
                    default -> "unknown probe";
                };
        response.getWriter().print(answer);
    }

    private static String session(HttpServletRequest request) throws IOException {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return "none";
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (String name : Collections.list(session.getAttributeNames())) {
                out.writeObject(name);
                out.writeObject(session.getAttribute(name));
            }
            out.writeObject(request.getUserPrincipal());
        }
        return bytes.size() + " " + String.join(",", Collections.list(session.getAttributeNames()));
    }
}
