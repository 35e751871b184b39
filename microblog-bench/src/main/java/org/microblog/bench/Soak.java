package org.microblog.bench;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.microblog.bench.Browser.Page;

/**
 * A long run of mixed traffic against a running Microblog on the generated data set, every answer checked (a
 * benchmark, not a test; see docs/benchmarks.md):
 *
 * <pre>
 * ./microblog soak [--base http://127.0.0.1:8080] [--minutes 30] [--users 40] [--threads 8]
 *                  [--instances http://127.0.0.1:8081,http://127.0.0.1:8082,http://127.0.0.1:8083]
 * </pre>
 *
 * Signed-in generated users (password microblog-bench) in turn: 60 % read their home timeline, 30 % a profile or
 * its followers or following list, 10 % write (publish a post, then find it on their timeline; or follow someone
 * by name). Every minute it prints the counts and, for each instance, the heap left after the last collection
 * (from our liveness check). It exits 1 if any answer was wrong.
 */
public final class Soak {

    /** The options, as {@code --help} prints them. */
    static final String USAGE = """
            ./microblog soak [--base http://127.0.0.1:8080] [--minutes 30] [--users 40] [--threads 8]
                             [--instances http://127.0.0.1:8081,http://127.0.0.1:8082,http://127.0.0.1:8083]""";

    private static final String PASSWORD = "microblog-bench";
    private static final String SIGNED_IN = "id=\"signOut\"";
    private static final String PROFILE = "id=\"profile-username\"";
    private static final Pattern RETAINED = Pattern.compile("\"retainedAfterCollectionPercent\":\"?(\\d+)");

    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<String> firstFailures = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        Database.Args options = new Database.Args(args, USAGE);
        URL base =
                URI.create(options.get("base", "http://127.0.0.1:8080") + "/").toURL();
        Duration length = Duration.ofMinutes(options.getInt("minutes", 30));
        int users = options.getInt("users", 40);
        int threads = options.getInt("threads", 8);
        List<String> instances = List.of(options.get("instances", "").split(",")).stream()
                .filter(s -> !s.isBlank())
                .toList();
        System.exit(new Soak().run(base, length, users, threads, instances) ? 0 : 1);
    }

    boolean run(URL base, Duration length, int users, int threads, List<String> instances) throws Exception {
        System.out.printf("Signing in %d users at %s ...%n", users, base);
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Browser browser = new Browser(base);
            String name = "user" + (1 + i * (100_000 / users));
            Page home = browser.follow(browser.trySignIn(name, PASSWORD));
            if (!home.body().contains(SIGNED_IN)) {
                throw new IllegalStateException(name + " could not sign in: " + home.status());
            }
            browsers.add(browser);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(Thread.ofPlatform().start(() -> {
                SplittableRandom random = new SplittableRandom(first);
                for (int i = first; running.get(); i += threads) {
                    step(browsers.get(i % browsers.size()), random);
                }
            }));
        }
        long start = System.nanoTime();
        long end = start + length.toNanos();
        System.out.println("| minute | requests | failed | requests/s | heap left after GC, per instance |");
        System.out.println("|---:|---:|---:|---:|---|");
        long previous = 0;
        for (int minute = 1; System.nanoTime() < end; minute++) {
            Thread.sleep(
                    Math.min(60_000, Duration.ofNanos(end - System.nanoTime()).toMillis()));
            long requests = total();
            System.out.printf(
                    "| %d | %,d | %d | %.1f | %s |%n",
                    minute,
                    requests,
                    failures.values().stream().mapToInt(Integer::intValue).sum(),
                    (requests - previous) / 60.0,
                    heaps(instances));
            previous = requests;
        }
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        report(Duration.ofNanos(System.nanoTime() - start));
        return failures.isEmpty();
    }

    private void step(Browser browser, SplittableRandom random) {
        int dice = random.nextInt(100);
        String other = "user" + random.nextInt(1, 100_001);
        if (dice < 60) {
            timed("home timeline", () -> check(browser.get(""), 200, SIGNED_IN));
        } else if (dice < 90) {
            String path =
                    switch (dice % 3) {
                        case 0 -> "user/" + other;
                        case 1 -> "user/" + other + "/followers";
                        default -> "user/" + other + "/following";
                    };
            timed("profile and lists", () -> check(browser.get(path), 200, PROFILE));
        } else if (dice < 95) {
            String body = "soak " + random.nextLong(Long.MAX_VALUE);
            timed("publish", () -> {
                Page home = browser.get("");
                Page posted = browser.submit(home, "post", "submit", Map.of("post:body", body));
                check(posted, 302, "");
                check(browser.follow(posted), 200, body);
            });
        } else {
            timed("follow by name", () -> {
                Page home = browser.get("");
                Page followed = browser.submit(home, "followByName", "submit", Map.of("followByName:username", other));
                check(browser.follow(followed), 200, SIGNED_IN);
            });
        }
    }

    private void timed(String action, Runnable request) {
        long start = System.nanoTime();
        try {
            request.run();
            latencies
                    .computeIfAbsent(action, a -> Collections.synchronizedList(new ArrayList<>()))
                    .add(System.nanoTime() - start);
        } catch (RuntimeException | AssertionError wrong) {
            failures.merge(action, 1, Integer::sum);
            if (firstFailures.size() < 10) {
                firstFailures.add(action + ": " + wrong.getMessage());
            }
        }
    }

    private static void check(Page page, int status, String marker) {
        if (page.status() != status || !page.body().contains(marker)) {
            throw new IllegalStateException(page.uri() + " answered " + page.status()
                    + (page.body().contains(marker) ? "" : " without " + marker));
        }
    }

    private long total() {
        return latencies.values().stream().mapToLong(List::size).sum()
                + failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String heaps(List<String> instances) {
        List<String> heaps = new ArrayList<>();
        for (String instance : instances) {
            try {
                Page live = new Browser(URI.create(instance + "/").toURL()).get("health/live");
                Matcher retained = RETAINED.matcher(live.body());
                heaps.add(retained.find() ? retained.group(1) + " %" : "?");
            } catch (Exception | AssertionError unreachable) {
                heaps.add("unreachable");
            }
        }
        return String.join(", ", heaps);
    }

    private void report(Duration took) {
        System.out.printf("%nAfter %d s:%n%n", took.toSeconds());
        System.out.println("| action | answers | failed | median | p99 | max |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        latencies.forEach((action, times) -> {
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            System.out.printf(
                    "| %s | %,d | %d | %.1f ms | %.1f ms | %.1f ms |%n",
                    action,
                    sorted.size(),
                    failures.getOrDefault(action, 0),
                    sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6);
        });
        firstFailures.forEach(failure -> System.out.println("failed: " + failure));
    }
}
