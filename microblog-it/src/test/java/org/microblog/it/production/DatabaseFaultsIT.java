package org.microblog.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microblog.it.web.Names;
import org.microblog.it.web.WebClient;
import org.microblog.it.web.WebClient.Page;

/**
 * One instance on PostgreSQL whose database goes away and comes back (through {@link TcpProxy}, so that the
 * machine's PostgreSQL keeps serving everything else): a database lost mid-run gives our 503 pages and a DOWN
 * readiness, not stack traces, and the site recovers by itself without a restart.
 *
 * <p>A start while the database is down is tested in production mode (ClusterIT), where the instance waits for
 * PostgreSQL before it starts Payara: Payara's JPA deployer opens an EntityManager while deploying, EclipseLink
 * then needs a connection, and a deployment that fails there stays failed until the instance is restarted.
 */
class DatabaseFaultsIT {

    private static final String DATABASE = System.getProperty("microblog.faults.database");
    private static final String SIGNED_IN = "id=\"signOut\"";
    private static final Path LOG = Path.of(System.getProperty("microblog.cluster.dir"), "faults-server.log");

    private static TcpProxy database;
    private static SingleInstance server;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        PostgreSql.admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        PostgreSql.admin("CREATE DATABASE " + DATABASE);
        database = new TcpProxy(new InetSocketAddress("127.0.0.1", 5432));
        database.up();
        server = SingleInstance.start(
                LOG,
                "-Dmicroblog.datasource.class=org.postgresql.ds.PGSimpleDataSource",
                "-Dmicroblog.datasource.url=jdbc:postgresql://127.0.0.1:" + database.port() + "/" + DATABASE,
                "-Dmicroblog.datasource.database=" + DATABASE,
                "-Dmicroblog.datasource.user=postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        database.close();
    }

    @Test
    void aDatabaseLostMidRunIsA503PageAndTheSiteRecoversByItself() throws Exception {
        WebClient ann = new WebClient(server.base());
        String name = Names.unique("ann");
        ann.register(name);
        assertTrue(ann.get("").body().contains(SIGNED_IN));

        database.down();
        Page lost = ann.get("");
        assertUnavailable(lost);
        Page readiness = visitor().get("health/ready");
        assertEquals(503, readiness.status());
        assertTrue(readiness.body().contains("\"status\":\"DOWN\""), readiness::body);
        assertUnavailable(visitor().get("explore"));

        database.up();
        Page back = awaitPage(ann, "", page -> page.body().contains(SIGNED_IN), Duration.ofSeconds(60));
        assertEquals(200, back.status());
        assertTrue(server.isAlive(), "no restart");
        // One line of ours per refused request. (Payara's pool, EclipseLink and the EJB container log the failed
        // call too, with its stack trace: their loggers, left as they are.)
        assertTrue(Files.readAllLines(LOG).stream()
                .anyMatch(line -> line.contains("Database unavailable, 503 for GET /")));
    }

    private static void assertUnavailable(Page page) {
        assertEquals(503, page.status(), page::body);
        assertEquals("5", page.header("Retry-After").orElse(""));
        assertEquals("Unavailable for a moment", page.text("error-title"), page::body);
        assertFalse(page.body().contains("SQLException"), page::body);
    }

    private static WebClient visitor() throws IOException {
        return new WebClient(server.base());
    }

    private static Page awaitPage(WebClient client, String path, Predicate<Page> done, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            assertTrue(server.isAlive(), "the server stopped: " + LOG);
            try {
                Page page = client.get(path);
                if (done.test(page) || System.nanoTime() > deadline) {
                    return page;
                }
            } catch (java.io.UncheckedIOException notListeningYet) {
                if (System.nanoTime() > deadline) {
                    throw notListeningYet;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
