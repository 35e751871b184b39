package org.microblog.it.probe;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.microblog.service.account.Passwords;
import org.microblog.service.schema.DatabaseMigrations;

/**
 * What the HTTP tests cannot see from outside, answered as plain text; deployed with the tests only, never
 * part of the application's WAR.
 *
 * <ul>
 * <li>{@code /it-probe/session}: the caller's session as a cluster would replicate it: its attributes and
 * the signed-in caller, Java-serialized; the answer is {@code <bytes> <attribute names>}, or {@code none}
 * without a session. It never creates one.</li>
 * <li>{@code /it-probe/hashes}: how many password hashes this server has computed (Passwords).</li>
 * <li>{@code /it-probe/database}: every row of every table of the application's schema, one line a table:
 * {@code <table> <rows> <SHA-256 of the rows>}, the rows in no particular order. Two equal answers mean that
 * nothing was written in between (FormReplayIT).</li>
 * <li>{@code /it-probe/unavailable}: answers 503 through the application's error page, as a database outage
 * does, without taking the database away.</li>
 * </ul>
 */
@WebServlet("/it-probe/*")
public class ProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Passwords passwords;

    @Resource(lookup = DatabaseMigrations.DATA_SOURCE)
    transient DataSource dataSource;

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
                    case "/database" -> database();
                    default -> "unknown probe";
                };
        response.getWriter().print(answer);
    }

    private String database() throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found =
                    connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
            StringBuilder answer = new StringBuilder();
            for (String table : tables.stream().sorted().toList()) {
                List<String> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        StringBuilder values = new StringBuilder();
                        for (int column = 1; column <= columns; column++) {
                            values.append(row.getString(column)).append('\u0000');
                        }
                        rows.add(values.toString());
                    }
                }
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                rows.stream().sorted().forEach(r -> sha256.update(r.getBytes(StandardCharsets.UTF_8)));
                answer.append(table)
                        .append(' ')
                        .append(rows.size())
                        .append(' ')
                        .append(HexFormat.of().formatHex(sha256.digest()))
                        .append('\n');
            }
            return answer.toString();
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
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
