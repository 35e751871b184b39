package org.microblog.it.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real production mode, driven through {@code ./microblog cluster} as an operator would: three Payara Micro
 * instances on PostgreSQL behind HAProxy. Ports, database and run folder come from the failsafe execution
 * "cluster" in microblog-it/pom.xml.
 */
final class Cluster {

    static final int INSTANCES = 3;

    private final Path home = Path.of(System.getProperty("microblog.home"));
    private final int port = Integer.getInteger("microblog.cluster.port");
    private final String gridPort = System.getProperty("microblog.cluster.grid-port");
    private final String database = System.getProperty("microblog.cluster.database");
    private final Path dir = Path.of(System.getProperty("microblog.cluster.dir"));

    /** A fresh database (dropped if a previous run left one), then every instance and HAProxy. */
    void startFresh() {
        stop();
        PostgreSql.admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        start();
    }

    /**
     * Starts whatever is not running (all of it the first time, a killed instance after that) and waits, unless
     * PostgreSQL does not answer. Returns what the command printed.
     */
    String start() {
        return run(
                Duration.ofMinutes(6),
                "start",
                "--no-build",
                "--port",
                String.valueOf(port),
                "--grid-port",
                gridPort,
                "--database",
                database,
                "--dir",
                dir.toString());
    }

    /** The rolling restart an operator runs. */
    void restart() {
        run(Duration.ofMinutes(10), "restart", "--dir", dir.toString());
    }

    void stop() {
        run(Duration.ofMinutes(2), "stop", "--dir", dir.toString());
    }

    /** What {@code ./microblog cluster status} prints. */
    String status() {
        return run(Duration.ofMinutes(1), "status", "--dir", dir.toString());
    }

    /** Kills instance {@code name} ("i2") as a crash would: SIGKILL, no shutdown of any kind. */
    void kill(String name) throws Exception {
        long pid = Long.parseLong(Files.readString(dir.resolve(name + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(name + " is not running"));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /** A command to HAProxy's runtime API ("set server instances/i1 state maint"), as cluster.sh sends it. */
    String haproxy(String command) throws IOException {
        try (SocketChannel api = SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve("haproxy.sock")))) {
            api.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            api.shutdownOutput();
            return new String(Channels.newInputStream(api).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends instance {@code name} a plain SIGTERM, as an operator's {@code kill}, systemd or a machine shutting down
     * would. Returns the process, to await its end.
     */
    ProcessHandle terminate(String name) throws IOException {
        ProcessHandle process = ProcessHandle.of(Long.parseLong(pid(name)))
                .orElseThrow(() -> new AssertionError(name + " is not running"));
        process.destroy();
        return process;
    }

    /**
     * The process id of instance {@code name} ("i2"), as its pid file says; empty while the file is written, and
     * while a restart has stopped the instance and not yet started it again (no file).
     */
    String pid(String name) throws IOException {
        Path file = dir.resolve(name + ".pid");
        try {
            return Files.readString(file).strip();
        } catch (NoSuchFileException stopped) {
            return "";
        }
    }

    /**
     * Whether the process {@code pid} runs: it exists and is not a zombie (a process that ended and that nobody
     * has reaped yet still has its pid, and ProcessHandle calls it alive).
     */
    static boolean isRunning(String pid) {
        if (pid.isEmpty()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // the state follows the command name, which is in parentheses and may hold spaces
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (NoSuchFileException ended) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log of instance {@code name} ("i2.log"), or of one of its previous runs ("i2.log.1"). */
    Path log(String file) {
        return dir.resolve(file);
    }

    /** What HAProxy thinks of instance {@code name}: UP, DOWN, MAINT, "UP 1/2"... */
    String haproxyState(String name) {
        return status().lines()
                .filter(line -> line.startsWith(name + " "))
                .map(line -> line.substring(line.indexOf("HAProxy: ") + "HAProxy: ".length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in the status"));
    }

    /**
     * Starts a rolling restart in the background, in a session and process group of its own (as a terminal or
     * {@code timeout} runs it), its output in {@code restart.out} of the run folder.
     */
    Process startRestart() throws IOException {
        return Commands.process(List.of(
                        "setsid", home.resolve("microblog").toString(), "cluster", "restart", "--dir", dir.toString()))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("restart.out").toFile())
                .start();
    }

    /** Sends SIGTERM to the background restart's whole process group, as Ctrl-C or {@code timeout} would. */
    void interrupt(Process restart) {
        Commands.run(home, Duration.ofSeconds(30), List.of("kill", "-TERM", "--", "-" + restart.pid()));
    }

    /** What the background restart printed. */
    String restartOutput() {
        try {
            return Files.readString(dir.resolve("restart.out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process ids of the instances, i1 first. */
    List<String> pids() throws IOException {
        List<String> pids = new ArrayList<>();
        for (int i = 1; i <= INSTANCES; i++) {
            pids.add(Files.readString(dir.resolve("i" + i + ".pid")).strip());
        }
        return pids;
    }

    /** Through HAProxy, as people reach the site. */
    URL balancer() {
        return url(port);
    }

    /** Instance {@code i} (1 to 3) directly, bypassing HAProxy. */
    URL instance(int i) {
        return url(port + i);
    }

    /** The instance's port from HAProxy's {@code X-Served-By} ("i2" is port + 2). */
    URL instance(String name) {
        return instance(Integer.parseInt(name.substring(1)));
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
    }

    private URL url(int port) {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String run(Duration limit, String... arguments) {
        List<String> command = new ArrayList<>(List.of(home.resolve("microblog").toString(), "cluster"));
        command.addAll(List.of(arguments));
        return Commands.run(home, limit, command);
    }
}
