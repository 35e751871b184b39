package org.microblog.it.production;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command of the machine (the cluster script, pg_ctlcluster, psql) and fails the test if it fails. */
final class Commands {

    /** What every test server gets (microblog-it/pom.xml, it.test-server.options). */
    private static final String TEST_SERVER_OPTIONS = System.getProperty("microblog.it.test-server-options", "");

    private Commands() {}

    /**
     * A process of the tests, with the test servers' options for every JVM it starts, however deep (the cluster
     * script's instances): the java launcher reads JDK_JAVA_OPTIONS.
     */
    static ProcessBuilder process(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JDK_JAVA_OPTIONS", TEST_SERVER_OPTIONS);
        return builder;
    }

    /** Runs it in {@code directory}; its output goes to the build log. Returns what it printed. */
    static String run(Path directory, Duration limit, List<String> command) {
        try {
            Process process = process(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            var output = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process is gone; what it printed so far is in output
                }
            });
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " took more than " + limit + ":\n" + output);
            }
            reader.join();
            System.out.println("$ " + String.join(" ", command) + "\n" + output);
            if (process.exitValue() != 0) {
                throw new AssertionError(command + " failed (" + process.exitValue() + "):\n" + output);
            }
            return output.toString();
        } catch (IOException e) {
            throw new AssertionError(command + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(command + " was interrupted", e);
        }
    }
}
