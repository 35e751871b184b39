package org.microblog.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.microblog.it.web.Names;
import org.microblog.it.web.WebClient;
import org.microblog.it.web.WebClient.Page;

/**
 * Production mode when the machine's PostgreSQL server stops and starts again, on the cluster that ClusterIT uses:
 * the site answers with error pages and recovers by itself, and an instance started meanwhile waits for it. A class
 * of its own because it stops the whole server: it holds {@link PostgreSql#SERVER} alone, for the minute it takes,
 * while the other classes that use PostgreSQL share that lock the rest of the time.
 */
@ExtendWith(RunningCluster.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(RunningCluster.LOCK)
@ResourceLock(PostgreSql.SERVER)
class PostgreSqlRestartIT {

    private static final String SIGNED_IN = "id=\"signOut\"";

    private static final Cluster cluster = new Cluster();

    @Test
    void theSiteRecoversByItselfWhenPostgreSqlComesBack() throws Exception {
        String ann = Names.unique("ann");
        WebClient browser = new WebClient(cluster.balancer());
        browser.register(ann);
        List<String> pids = cluster.pids();

        PostgreSql.stop();
        Page during;
        Page readiness;
        try {
            during = browser.get("");
            readiness = new WebClient(cluster.instance(1)).get("health/ready");
        } finally {
            PostgreSql.start();
        }
        System.out.println("While PostgreSQL was down: " + during.status());
        assertEquals(503, readiness.status(), "not ready: HAProxy sends nothing more to it");
        assertTrue(readiness.body().contains("\"status\":\"DOWN\""), readiness::body);
        assertEquals(5, during.status() / 100, "an error page, not a page that looks right");
        assertFalse(during.body().contains("SQLException") || during.body().contains("Caused by"), during::body);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Page home = browser.get("");
        while (!home.body().contains(SIGNED_IN) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            home = browser.get("");
        }
        assertEquals(200, home.status());
        assertTrue(home.body().contains(SIGNED_IN), "signed in again once PostgreSQL is back");
        Page posted = browser.follow(browser.submit(home, "post", "submit", Map.of("post:body", "back " + ann)));
        assertTrue(posted.body().contains("back " + ann));
        assertEquals(pids, cluster.pids(), "no instance was restarted");
    }

    @Test
    void anInstanceStartedWhilePostgreSqlIsDownStartsByItselfWhenItAnswers() throws Exception {
        cluster.kill("i3");
        PostgreSql.stop();
        String started;
        String status;
        Page during;
        try {
            started = cluster.start();
            status = cluster.status();
            during = new WebClient(cluster.balancer()).get("explore");
        } finally {
            PostgreSql.start();
        }
        assertTrue(started.contains("instances wait for it"), started);
        assertTrue(
                status.lines().anyMatch(line -> line.startsWith("i3") && line.contains("waiting for PostgreSQL")),
                status);
        assertEquals(503, during.status(), "our unavailable page, from an instance or from HAProxy");
        assertFalse(during.body().contains("SQLException") || during.body().contains("Caused by"), during::body);

        WebClient i3 = new WebClient(cluster.instance(3));
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Page readiness = null;
        while (System.nanoTime() < deadline) {
            try {
                readiness = i3.get("health/ready");
                if (readiness.status() == 200) {
                    break;
                }
            } catch (UncheckedIOException notListeningYet) {
                // still waiting for PostgreSQL, or Payara still starting
            }
            Thread.sleep(1000);
        }
        assertTrue(readiness != null && readiness.status() == 200, "i3 became ready by itself");
        assertTrue(readiness.body().contains("microblog-database"), readiness::body);
        assertEquals(200, i3.get("explore").status());
    }
}
