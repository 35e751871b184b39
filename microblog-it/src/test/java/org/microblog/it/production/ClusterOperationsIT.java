package org.microblog.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production mode under what operators and machines do outside our scripts: a rolling restart interrupted
 * half-way, an instance's log after it is brought back. Its own cluster, as
 * {@link ClusterIT}'s, started by {@code ./microblog cluster start} on an empty database.
 */
class ClusterOperationsIT {

    private static final Cluster cluster = new Cluster();

    @BeforeAll
    static void startOnAnEmptyDatabase() {
        cluster.startFresh();
    }

    @AfterAll
    static void stop() {
        cluster.stop();
    }

    /**
     * A rolling restart killed half-way (here as a terminal's Ctrl-C or a {@code timeout} would: a signal to its
     * whole process group) leaves every instance running, the one it had just started included, and none in
     * HAProxy's maintenance state; {@code start} then finds them all ready. The restarted instance's previous log
     * is kept.
     */
    @Test
    void anInterruptedRollingRestartLeavesEveryInstanceRunningAndInRotation() throws Exception {
        String first = cluster.pid("i1");
        List<String> others = List.of(cluster.pid("i2"), cluster.pid("i3"));
        String firstLog = Files.readString(cluster.log("i1.log"));

        Process restart = cluster.startRestart();
        String second;
        try {
            Await.until("the restart started a new i1", Duration.ofMinutes(3), () -> {
                assertTrue(restart.isAlive(), cluster::restartOutput);
                String pid = cluster.pid("i1");
                return !pid.isEmpty() && !pid.equals(first);
            });
            second = cluster.pid("i1");
        } finally {
            cluster.interrupt(restart);
            assertTrue(restart.waitFor(1, TimeUnit.MINUTES), "the restart ended");
        }
        String output = cluster.restartOutput();
        assertEquals(143, restart.exitValue(), output);
        assertTrue(output.contains("interrupted: i1 back in rotation once ready"), output);
        assertTrue(Cluster.isRunning(second), "the i1 the restart started is still running");
        for (String pid : others) {
            assertTrue(Cluster.isRunning(pid), "i2 and i3 untouched");
        }
        assertEquals(others, List.of(cluster.pid("i2"), cluster.pid("i3")));
        assertNotEquals("MAINT", cluster.haproxyState("i1"));

        assertTrue(cluster.start().contains("ready on"));
        assertEquals(second, cluster.pid("i1"), "start found i1 running and did not start another");
        for (String name : List.of("i1", "i2", "i3")) {
            assertEquals("UP", cluster.haproxyState(name), name);
        }
        assertTrue(
                Files.readString(cluster.log("i1.log.1")).startsWith(firstLog),
                "the log of the i1 that was stopped is kept");
    }
}
