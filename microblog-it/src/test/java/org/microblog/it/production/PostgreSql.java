package org.microblog.it.production;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The machine's PostgreSQL server (127.0.0.1:5432, trust authentication, see STACK.md), which the cluster
 * tests administer: a database of their own, and a stop and start of the whole server.
 */
final class PostgreSql {

    /**
     * The lock of the server itself ({@code @ResourceLock}): PostgreSqlRestartIT stops and starts it, so it holds the lock
     * alone (READ_WRITE); the other classes that use the server share it (READ) and so never run while it is down.
     */
    static final String SERVER = "postgresql-server";

    private static final Path ROOT = Path.of("/");

    private PostgreSql() {}

    static void admin(String sql) {
        Commands.run(
                ROOT,
                Duration.ofMinutes(1),
                List.of(
                        "psql",
                        "-X",
                        "-q",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-h",
                        "127.0.0.1",
                        "-U",
                        "postgres",
                        "-d",
                        "postgres",
                        "-c",
                        sql));
    }

    static void stop() {
        control("stop");
    }

    static void start() {
        control("start");
    }

    /** pg_ctlcluster on the one cluster Debian's packages made ("15 main"). */
    private static void control(String action) {
        Commands.run(
                ROOT,
                Duration.ofMinutes(2),
                List.of("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", action));
    }

    private static String version() {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(path -> path.getFileName().toString())
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElseThrow();
        } catch (java.io.IOException e) {
            throw new AssertionError("No PostgreSQL under /etc/postgresql", e);
        }
    }
}
