package org.microblog.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.microblog.it.web.Names;
import org.microblog.it.web.WebClient;
import org.microblog.it.web.WebClient.Page;

/**
 * Nothing acknowledged is lost: Microblog as {@code ./microblog run} starts it (one instance, embedded Derby in a
 * folder) is killed with SIGKILL while four browsers post as fast as they can; after a restart on the same
 * folder every post that was answered with the redirect of success is there exactly once, and no post is there
 * twice.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SingleInstance.LOCK)
class CrashSafetyIT {

    private static final Path DIR = Path.of(System.getProperty("microblog.cluster.dir"), "crash-safety");
    private static final String DATABASE = DIR.resolve("derby").toAbsolutePath().toString();
    private static final int WRITERS = 4;

    @Test
    void everyAcknowledgedPostSurvivesAKillExactlyOnce() throws Exception {
        deleteRecursively(DIR);
        SingleInstance server = start("before.log");
        String author = Names.unique("ann");
        List<WebClient> browsers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            WebClient browser = new WebClient(server.base());
            if (i == 0) {
                browser.register(author);
            } else {
                browser.signIn(author);
            }
            browsers.add(browser);
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            WebClient browser = browsers.get(i);
            String prefix = "crash " + author + " " + i + "#";
            writers.add(Thread.ofPlatform().start(() -> post(browser, prefix, acknowledged, unanswered)));
        }
        while (acknowledged.size() < 40) {
            Thread.sleep(50);
        }
        server.kill();
        for (Thread writer : writers) {
            writer.join();
        }

        SingleInstance restarted = start("after.log");
        assertTrue(new WebClient(restarted.base()).get("user/" + author).body().contains(author), "recovered");
        restarted.stop();
        Map<String, Integer> stored = storedPosts("crash " + author + " %");

        System.out.println("Killed after " + acknowledged.size() + " acknowledged posts; " + unanswered.size()
                + " without an answer, of which stored: "
                + unanswered.stream().filter(stored::containsKey).count());
        for (String post : acknowledged) {
            assertEquals(1, stored.getOrDefault(post, 0), post);
        }
        stored.forEach((post, copies) -> assertEquals(1, copies, post + " stored twice"));
    }

    /** Posts until the server is gone; every answer is an acknowledgement (302) or counts as no answer. */
    private static void post(WebClient browser, String prefix, Set<String> acknowledged, Set<String> unanswered) {
        for (int n = 0; ; n++) {
            String body = prefix + n;
            try {
                Page home = browser.get("");
                Page answer = browser.submit(home, "post", "submit", Map.of("post:body", body));
                (answer.status() == 302 ? acknowledged : unanswered).add(body);
            } catch (UncheckedIOException | AssertionError gone) {
                unanswered.add(body);
                return;
            }
        }
    }

    private static SingleInstance start(String log) throws IOException, InterruptedException {
        return SingleInstance.start(DIR.resolve(log), "-Dmicroblog.datasource.database=" + DATABASE + ";create=true");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The posts whose body is LIKE {@code pattern}, with how often each is stored, read from the Derby folder. */
    private static Map<String, Integer> storedPosts(String pattern) throws SQLException {
        Map<String, Integer> stored = new HashMap<>();
        // the application's schema is its database user's, MICROBLOG
        try (Connection derby = DriverManager.getConnection("jdbc:derby:" + DATABASE, "microblog", "microblog");
                PreparedStatement query =
                        derby.prepareStatement("SELECT body, COUNT(*) FROM posts WHERE body LIKE ? GROUP BY body")) {
            query.setString(1, pattern);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getInt(2));
                }
            }
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:" + DATABASE + ";shutdown=true");
            } catch (SQLException shutDown) {
                // Derby reports a clean shutdown as an exception (08006)
            }
        }
        return stored;
    }
}
