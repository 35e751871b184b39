package org.microblog.it.production;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.microblog.it.web.WebClient;
import org.microblog.it.web.WebClient.Page;

/**
 * One Payara Micro with the WAR in single-instance mode, as {@code ./microblog run} starts it, on a free port:
 * for the tests that kill the server or take its database away.
 */
final class SingleInstance {

    /**
     * The classes that start single instances take turns with this lock ({@code @ResourceLock}), beside the cluster's
     * lane: one such server at a time besides the cluster leaves the machine's two cores enough for both.
     */
    static final String LOCK = "single-instance";

    private static final Duration START_LIMIT = Duration.ofMinutes(4);

    private final Process process;
    private final URL base;

    private SingleInstance(Process process, URL base) {
        this.process = process;
        this.base = base;
    }

    /** Starts it with these extra JVM options, its output in {@code log}, and waits until it is ready. */
    static SingleInstance start(Path log, String... jvmOptions) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.createDirectories(log.getParent());
        Path home = Path.of(System.getProperty("microblog.home"));
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "@" + home.resolve("microblog-web/src/main/payara/jvm.options")));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of(
                "-jar",
                System.getProperty("payara.microJar"),
                "--nocluster",
                "--port",
                String.valueOf(port),
                "--contextroot",
                "/",
                "--prebootcommandfile",
                home.resolve("microblog-web/src/main/payara/single-instance.asadmin")
                        .toString(),
                "--logproperties",
                home.resolve("microblog-web/src/main/payara/logging.properties").toString(),
                "--deploy",
                System.getProperty("microblog.war")));
        Process process = Commands.process(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        SingleInstance instance = new SingleInstance(process, url("http://127.0.0.1:" + port + "/"));
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        try {
            String readiness;
            while (!(readiness = instance.readiness()).startsWith("200 ")) {
                assertTrue(process.isAlive(), "the server stopped: " + log);
                String last = readiness;
                assertTrue(
                        System.nanoTime() < deadline,
                        () -> "not ready after " + START_LIMIT + " (" + last + "): " + log);
                Thread.sleep(500);
            }
        } catch (AssertionError | InterruptedException e) {
            // a server that never became ready is no one's to stop: it would outlive the test run
            process.destroyForcibly().waitFor();
            throw e;
        }
        return instance;
    }

    URL base() {
        return base;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash: no shutdown of any kind. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** The status and body of its readiness check, "200 {...}" once ready, or why there is none. */
    private String readiness() {
        try {
            Page ready = new WebClient(base).get("health/ready");
            return ready.status() + " " + ready.body();
        } catch (UncheckedIOException notListeningYet) {
            return notListeningYet.getMessage();
        }
    }

    private static URL url(String address) {
        try {
            return URI.create(address).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
