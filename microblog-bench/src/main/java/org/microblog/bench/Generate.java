package org.microblog.bench;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.BufferedWriter;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.spec.KeySpec;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.microblog.domain.post.SearchWords;
import org.microblog.service.schema.DatabaseMigrations;
import org.microblog.service.timeline.stored.StoredTimelineSettings;
import org.postgresql.PGConnection;

/**
 * Loads a seeded social graph into an empty Microblog database, through the databases' bulk paths (Derby's
 * {@code SYSCS_UTIL.SYSCS_IMPORT_DATA}, PostgreSQL's {@code COPY}), after running the application's own
 * Flyway migrations on it.
 *
 * <pre>
 * ./microblog generate [--users 100000] [--posts 2000000] [--seed 42] [--end now | now-16h | 2026-11-25T12:00:00Z | 2026-11-25]
 *                      [--jdbc-url jdbc:postgresql://127.0.0.1:5432/microblog_bench --user postgres]
 *                      [--stored-threshold 200] [--stored-timelines false] [--search-index false]
 * ./microblog generate --stored-timelines-only [--stored-threshold 200] [--jdbc-url URL --user U]
 * </pre>
 *
 * Users are {@code user1 .. userN} ({@code userN@example.org}), all with the password {@value #PASSWORD};
 * posts are spread over the 365 days before {@code --end} (default: today, 00:00 UTC; {@code --until DAY} is
 * the older spelling): {@code --end now} makes a live site, whose newest post is seconds old when the load
 * ends, {@code --end now-16h} one that has been quiet for 16 hours.
 *
 * <p>At a million users (20,000,000 posts, 50,000,000 follows) it writes the three CSV files (their size and the
 * load times: docs/benchmarks.md, "The data set") and loads them, printing rows, rate and time left as it goes.
 * PostgreSQL gets the rows by {@code COPY} into tables without indexes or constraints, which are then built once,
 * each in one sort; Derby imports into empty tables, which it does in bulk, building each index once at the end.
 *
 * <p>Then it builds the stored home timelines (issue 25) of every user who follows {@code --stored-threshold} people
 * or more (default: the application's, {@code StoredTimelineSettings.DEFAULTS}), as the server's worker would once
 * started: claimed and built from the pull one reader at a time, on two threads ({@link StoredTimelines}), and
 * prints their number, entries and size. {@code --stored-timelines false} leaves them to the server.
 * {@code --stored-timelines-only} does that step alone on an existing data set: it refuses nothing, keeps what exists
 * and builds only what is missing (after a change of the threshold, say, or a data set generated before stored
 * timelines).
 *
 * <p>{@code --search-index false} leaves out Derby's word index: the posts' words at a million users are about
 * 190,000,000 rows, over an hour to import. Search then finds no generated post; the timelines, the counts and the
 * writes, which the benchmark measures, do not read it.
 */
public final class Generate {

    /** The options, as {@code --help} prints them. */
    static final String USAGE = """
            ./microblog generate [--users 100000] [--posts 2000000] [--seed 42] [--end now | now-16h | ISO instant | YYYY-MM-DD]
                                 [--jdbc-url jdbc:postgresql://127.0.0.1:5432/microblog_bench --user postgres --password P]
                                 [--stored-threshold 200] [--stored-timelines false] [--search-index false] [--work-dir DIR]
            ./microblog generate --stored-timelines-only [--stored-threshold 200] [--jdbc-url URL --user U]
            (--until DAY is the older spelling of --end DAY)""";

    static final String PASSWORD = "microblog-bench";
    private static final String[] WORDS =
            ("the a my our new old good great small big first last quick slow happy busy quiet loud bright dark "
                            + "coffee code morning evening weekend city river mountain garden book film song game idea plan "
                            + "today tomorrow finally again really still just maybe never always "
                            + "is was feels looks seems works runs starts ends goes comes shines rains writes reads builds")
                    .split(" ");

    /**
     * Words that one post in {@value #RARE_WORD_EVERY} gets one of at its end, so that search has rare words to find
     * (about 12 posts each at 2,000,000 posts) beside the common ones (each in about a tenth of all posts).
     */
    private static final String[] RARE_WORDS = "quokka zephyr aurora nebula origami tundra lantern sonnet".split(" ");

    private static final int RARE_WORD_EVERY = 20_000;

    private Generate() {}

    public static void main(String[] argv) throws Exception {
        Database.Args args = new Database.Args(argv, USAGE);
        Database db = Database.from(args);
        int users = args.getInt("users", 100_000);
        long posts = args.getLong("posts", 20L * users);
        long seed = args.getLong("seed", 42);
        Instant until = end(
                args.get("end", args.get("until", LocalDate.now(ZoneOffset.UTC).toString())));
        Instant start = until.minus(365, ChronoUnit.DAYS);
        Path work = Path.of(
                args.get("work-dir", "data/generate-" + ProcessHandle.current().pid()));

        // Derby sorts an imported table's rows once for each index, a run of rows at a time in a tree in memory,
        // then merges the runs. By default a run is about 1 MB of rows: 50,000,000 follows made thousands of runs,
        // merged in several passes through gigabytes of temporary files. With 120,000 rows a run, a table of up
        // to 60,000,000 rows needs at most 500 runs, which Derby merges in one pass (it merges up to 512 at
        // once), and a run's tree still stays small enough to be quick to insert into.
        System.setProperty("derby.storage.sortBufferMax", System.getProperty("derby.storage.sortBufferMax", "120000"));
        long t0 = System.nanoTime();
        StoredTimelineSettings stored = storedTimelineSettings(args);
        if (args.has("stored-timelines-only")) {
            System.out.printf(
                    Locale.ROOT, "Building the missing stored timelines in %s%n", db.name() + " " + db.jdbcUrl());
            DatabaseMigrations.configuration(db.dataSource()).load().migrate();
            try {
                buildStoredTimelines(db, stored);
            } finally {
                db.shutdown();
            }
            System.out.printf(Locale.ROOT, "Done in %.1f s.%n", seconds(t0));
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "Generating %,d users and %,d posts (seed %d, %s to %s) into %s%n",
                users,
                posts,
                seed,
                start,
                until,
                db.name() + " " + db.jdbcUrl());
        DatabaseMigrations.configuration(db.dataSource()).load().migrate();
        try (Connection c = db.connect()) {
            if (count(c, "SELECT COUNT(*) FROM users") > 0) {
                throw new IllegalStateException(
                        "The database already holds users: the generator loads empty databases only");
            }
        }

        SocialGraph graph = new SocialGraph(users, posts, seed);
        Files.createDirectories(work);
        try {
            Path followersCsv = work.resolve("followers.csv");
            Path usersCsv = work.resolve("users.csv");
            Path postsCsv = work.resolve("posts.csv");
            long[] followers = writeFollowers(graph, start, until, seed, followersCsv);
            long links = Arrays.stream(followers).sum();
            writeUsers(graph, followers, usersCsv);
            // Derby's search needs its word index (db/vendor/derby/V21), loaded like the posts; PostgreSQL computes
            // each post's words itself as COPY writes it.
            boolean wordIndex =
                    !db.isPostgres() && !args.get("search-index", "true").equals("false");
            Path wordsCsv = work.resolve("post_words.csv");
            long words = writePosts(graph, start, until, seed, postsCsv, wordIndex ? wordsCsv : null);
            System.out.printf(Locale.ROOT, "Files written in %.1f s; loading%n", seconds(t0));

            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                boolean counts = hasColumn(c, "users", "followers_count");
                boolean postCounts = hasColumn(c, "users", "posts_count");
                List<String> userColumns = new ArrayList<>(List.of("id", "username", "email", "password_hash"));
                if (counts) {
                    userColumns.addAll(List.of("followers_count", "following_count"));
                }
                if (postCounts) {
                    userColumns.add("posts_count");
                }
                List<String> rebuild = db.isPostgres() ? dropIndexesAndKeys(c) : List.of();
                load(db, c, "users", userColumns, usersCsv, userColumns.size(), users);
                bothAtOnce(
                        () -> load(
                                db,
                                "followers",
                                List.of("follower_id", "followed_id", "created_at"),
                                followersCsv,
                                3,
                                links + users),
                        () -> load(db, "posts", List.of("id", "body", "created_at", "author_id"), postsCsv, 4, posts));
                if (wordIndex) {
                    load(db, "post_words", List.of("word", "created_at", "post_id", "author_id"), wordsCsv, 4, words);
                }
                System.out.printf(
                        Locale.ROOT,
                        "  rows loaded (%,d follows + %,d self-links)  %.1f s%n",
                        links,
                        users,
                        seconds(t0));
                rebuild(c, rebuild, t0);
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE users ALTER COLUMN id RESTART WITH " + (users + 1));
                    s.execute("ALTER TABLE posts ALTER COLUMN id RESTART WITH " + (posts + 1));
                }
                c.commit();
                analyze(db, c);
                System.out.printf(Locale.ROOT, "  statistics updated  %.1f s%n", seconds(t0));
            }
            summary(graph, followers);
            if (!args.get("stored-timelines", "true").equals("false")) {
                buildStoredTimelines(db, stored);
            }
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
            db.shutdown();
        }
        System.out.printf(
                Locale.ROOT,
                "Done in %.1f s. Every generated user signs in with the password '%s'.%n",
                seconds(t0),
                PASSWORD);
    }

    /** The application's settings of stored timelines, with {@code --stored-threshold N} if given. */
    static StoredTimelineSettings storedTimelineSettings(Database.Args args) {
        StoredTimelineSettings defaults = StoredTimelineSettings.DEFAULTS;
        return new StoredTimelineSettings(
                true, args.getInt("stored-threshold", defaults.threshold()), defaults.size(), defaults.chunk());
    }

    /**
     * Builds every missing stored timeline of the data set through the application's services, then prints how many
     * there are, their entries and their size.
     */
    private static void buildStoredTimelines(Database db, StoredTimelineSettings settings) {
        long t = System.nanoTime();
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("microblog", db.persistenceProperties());
        try (Services services = new Services(emf, db.vendor(), settings)) {
            StoredTimelines stored = new StoredTimelines(db, services);
            stored.buildMissing();
            stored.analyze();
            System.out.printf(Locale.ROOT, "  stored timelines built  %.1f s%n", seconds(t));
            System.out.println("Stored timelines: " + stored.size());
        } finally {
            emf.close();
        }
    }

    /** {@code now}, {@code now-16h} (hours, minutes or days: {@code h}, {@code m}, {@code d}), an ISO instant or a day. */
    static Instant end(String value) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (value.equals("now")) {
            return now;
        }
        if (value.startsWith("now-")) {
            String amount = value.substring(4).toUpperCase(Locale.ROOT);
            return now.minus(
                    amount.endsWith("D")
                            ? Duration.ofDays(Long.parseLong(amount.substring(0, amount.length() - 1)))
                            : Duration.parse("PT" + amount));
        }
        if (value.contains("T")) {
            return Instant.parse(value);
        }
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Writes followers.csv in primary-key order and returns the follower count of each user. */
    private static long[] writeFollowers(SocialGraph graph, Instant start, Instant until, long seed, Path file)
            throws IOException {
        long[] followers = new long[graph.users + 1];
        int[] marks = new int[graph.users + 1];
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        long span = until.toEpochMilli() - start.toEpochMilli();
        String selfSince = timestamp(start.toEpochMilli());
        Progress progress = new Progress("followers.csv", graph.totalFollowing() + graph.users);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(64);
            for (int u = 1; u <= graph.users; u++) {
                int[] targets = graph.following(u, marks);
                boolean selfWritten = false;
                for (int i = 0; i <= targets.length; i++) {
                    if (!selfWritten && (i == targets.length || targets[i] > u)) {
                        line.setLength(0);
                        line.append(u)
                                .append(',')
                                .append(u)
                                .append(',')
                                .append(selfSince)
                                .append('\n');
                        out.append(line);
                        selfWritten = true;
                    }
                    if (i < targets.length) {
                        followers[targets[i]]++;
                        line.setLength(0);
                        line.append(u)
                                .append(',')
                                .append(targets[i])
                                .append(',')
                                .append(timestamp(start.toEpochMilli() + random.nextLong(span)))
                                .append('\n');
                        out.append(line);
                    }
                }
                progress.add(targets.length + 1);
            }
        }
        progress.finish();
        return followers;
    }

    private static void writeUsers(SocialGraph graph, long[] followers, Path file) throws IOException {
        String hash = passwordHash(PASSWORD, new SplittableRandom(graph.seed()));
        Progress progress = new Progress("users.csv", graph.users);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int u = 1; u <= graph.users; u++) {
                progress.add(1);
                out.append(Integer.toString(u))
                        .append(",user")
                        .append(Integer.toString(u))
                        .append(",user")
                        .append(Integer.toString(u))
                        .append("@example.org,")
                        .append(hash)
                        .append(',')
                        .append(Long.toString(followers[u]))
                        .append(',')
                        .append(Integer.toString(graph.followingCount[u]))
                        .append(',')
                        .append(Integer.toString(graph.postCount[u]))
                        .append('\n');
            }
        }
        progress.finish();
    }

    /** Posts get ids in time order, as if they had been published one after the other. */
    /**
     * Writes the posts, and, unless {@code wordsFile} is null, their rows of the word index (SearchWords, as
     * SearchIndex writes them).
     *
     * @return how many word rows were written
     */
    private static long writePosts(
            SocialGraph graph, Instant start, Instant until, long seed, Path file, Path wordsFile) throws IOException {
        long total = 0;
        for (int u = 1; u <= graph.users; u++) {
            total += graph.postCount[u];
        }
        long span = until.toEpochMilli() - start.toEpochMilli();
        if (graph.users >= (1 << 28) || span >= (1L << 35)) {
            throw new IllegalArgumentException("At most 2^28 users and about a year of posts");
        }
        long[] packed = new long[Math.toIntExact(total)];
        SplittableRandom random = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        int n = 0;
        for (int u = 1; u <= graph.users; u++) {
            for (int i = 0; i < graph.postCount[u]; i++) {
                packed[n++] = (random.nextLong(span) << 28) | u;
            }
        }
        Arrays.parallelSort(packed);
        Progress progress = new Progress("posts.csv", packed.length);
        long wordRows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                BufferedWriter words =
                        wordsFile == null ? null : Files.newBufferedWriter(wordsFile, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(200);
            for (int i = 0; i < packed.length; i++) {
                if (i % 10_000 == 0) {
                    progress.add(Math.min(10_000, packed.length - i));
                }
                long at = start.toEpochMilli() + (packed[i] >>> 28);
                int author = (int) (packed[i] & ((1 << 28) - 1));
                line.setLength(0);
                line.append(i + 1).append(',');
                body(random, line);
                String time = timestamp(at);
                if (words != null) {
                    for (String word : SearchWords.of(line.substring(line.indexOf(",") + 1))) {
                        words.append(word).append(',').append(time).append(',');
                        words.append(Integer.toString(i + 1)).append(',').append(Integer.toString(author));
                        words.append('\n');
                        wordRows++;
                    }
                }
                line.append(',').append(time).append(',').append(author).append('\n');
                out.append(line);
            }
        }
        progress.finish();
        return wordRows;
    }

    private static void body(SplittableRandom random, StringBuilder line) {
        int start = line.length();
        int words = 3 + random.nextInt(16);
        for (int w = 0; w < words; w++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (line.length() - start + word.length() + 1 > 140) {
                break;
            }
            if (w > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (random.nextInt(RARE_WORD_EVERY) == 0) {
            String rare = RARE_WORDS[random.nextInt(RARE_WORDS.length)];
            if (line.length() - start + rare.length() + 1 <= 140) {
                line.append(' ').append(rare);
            }
        }
    }

    /** A step of the load that may fail. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Runs two steps side by side and waits for both: the followers and the posts, each on a connection of its
     * own. Each import is one thread (on Derby it also sorts its rows for every index of its table), so two use
     * both cores.
     */
    private static void bothAtOnce(Step first, Step second) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> running = new ArrayList<>();
            for (Step step : List.of(first, second)) {
                running.add(pool.submit(() -> {
                    step.run();
                    return null;
                }));
            }
            for (Future<?> step : running) {
                try {
                    step.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
    }

    /** Loads one table on a connection of its own. */
    private static void load(Database db, String table, List<String> columns, Path csv, int width, long rows)
            throws Exception {
        try (Connection c = db.connect()) {
            load(db, c, table, columns, csv, width, rows);
        }
    }

    private static void load(
            Database db, Connection c, String table, List<String> columns, Path csv, int width, long rows)
            throws SQLException, IOException, InterruptedException {
        c.setAutoCommit(false);
        Progress progress = new Progress("load " + table, rows);
        if (db.isPostgres()) {
            String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
            try (Reader in = new CountingReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8), progress)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in, 1 << 16);
            }
        } else {
            String schema;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("VALUES CURRENT SCHEMA")) {
                rs.next();
                schema = rs.getString(1);
            }
            StringBuilder indexes = new StringBuilder();
            for (int i = 1; i <= width; i++) {
                indexes.append(i == 1 ? "" : ",").append(i);
            }
            // Derby reads the file itself (it opens it more than once, so a pipe cannot count the rows): a ticker
            // follows how far Derby has read it, as the operating system tells (Linux), and counts the rows in
            // proportion to the bytes; once the file is read, Derby still merges the sorted runs of each index.
            long bytes = Files.size(csv);
            Thread ticker = Thread.ofPlatform().daemon().start(() -> {
                long counted = 0;
                int secondsSinceRead = 0;
                try {
                    while (true) {
                        Thread.sleep(1_000);
                        if (counted < rows) {
                            long read = Math.min(bytesRead(csv), bytes);
                            long estimate = bytes == 0 ? rows : Math.round((double) rows * read / bytes);
                            progress.add(Math.max(estimate - counted, 0));
                            counted = Math.max(counted, estimate);
                        } else if (++secondsSinceRead % 30 == 0) {
                            System.out.printf(
                                    Locale.ROOT,
                                    "  load %-21s file read %s ago; Derby is building the indexes%n",
                                    table,
                                    Progress.time(secondsSinceRead));
                        }
                    }
                } catch (InterruptedException stop) {
                    // the import ended
                }
            });
            try (PreparedStatement p =
                    c.prepareStatement("CALL SYSCS_UTIL.SYSCS_IMPORT_DATA(?, ?, ?, ?, ?, ',', '\"', 'UTF-8', 0)")) {
                p.setString(1, schema);
                p.setString(2, table.toUpperCase(Locale.ROOT));
                p.setString(3, String.join(",", columns).toUpperCase(Locale.ROOT));
                p.setString(4, indexes.toString());
                p.setString(5, csv.toAbsolutePath().toString());
                p.execute();
            } finally {
                ticker.interrupt();
                ticker.join();
            }
            if (progress.done() < rows) {
                progress.add(rows - progress.done());
            }
        }
        c.commit();
        progress.finish();
    }

    /**
     * How far into {@code file} this process has read, the furthest of its open descriptors on it: Linux shows
     * each descriptor's position in {@code /proc/self/fdinfo}. 0 where that cannot be read.
     */
    private static long bytesRead(Path file) {
        Path fds = Path.of("/proc/self/fd");
        long furthest = 0;
        try (var open = Files.list(fds)) {
            for (Path fd : open.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).equals(file.toAbsolutePath())) {
                        for (String line : Files.readAllLines(
                                Path.of("/proc/self/fdinfo", fd.getFileName().toString()))) {
                            if (line.startsWith("pos:")) {
                                furthest = Math.max(
                                        furthest,
                                        Long.parseLong(line.substring(4).trim()));
                            }
                        }
                    }
                } catch (IOException | RuntimeException closedMeanwhile) {
                    // the descriptor was closed or reused while we looked
                }
            }
        } catch (IOException notLinux) {
            return 0;
        }
        return furthest;
    }

    /** A reader that tells {@link Progress} of every line read. */
    private static final class CountingReader extends FilterReader {
        private final Progress progress;

        CountingReader(Reader in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            int lines = 0;
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
            progress.add(lines);
            return n;
        }
    }

    /**
     * On PostgreSQL, drops the indexes and the primary, unique and foreign keys of the three big tables (and the
     * foreign keys that point at them) and returns the statements that make them again, in an order that works:
     * keys, indexes, then foreign keys. A COPY into a table without indexes writes the rows only; an index built
     * afterwards is one sort.
     */
    private static List<String> dropIndexesAndKeys(Connection c) throws SQLException {
        String tables = "'users'::regclass, 'followers'::regclass, 'posts'::regclass";
        List<String> drops = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT conrelid::regclass::text, quote_ident(conname), "
                    + "pg_get_constraintdef(oid), contype FROM pg_constraint WHERE contype IN ('p', 'u', 'f') "
                    + "AND (conrelid IN (" + tables + ") OR confrelid IN (" + tables + ")) "
                    + "ORDER BY contype = 'f' DESC, conname")) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(2));
                    String add = "ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(2) + " " + rs.getString(3);
                    (rs.getString(4).equals("f") ? foreignKeys : keys).add(add);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(indexname), indexdef FROM pg_indexes "
                    + "WHERE schemaname = current_schema() AND tablename IN ('users', 'followers', 'posts') "
                    + "AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY indexname")) {
                while (rs.next()) {
                    drops.add("DROP INDEX " + rs.getString(1));
                    indexes.add(rs.getString(2));
                }
            }
            for (String drop : drops) {
                s.execute(drop);
            }
        }
        c.commit();
        List<String> rebuild = new ArrayList<>(keys);
        rebuild.addAll(indexes);
        rebuild.addAll(foreignKeys);
        return rebuild;
    }

    private static void rebuild(Connection c, List<String> statements, long t0) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '512MB'");
            s.execute("SET max_parallel_maintenance_workers = 2");
            for (String sql : statements) {
                long t = System.nanoTime();
                s.execute(sql);
                System.out.printf(
                        Locale.ROOT,
                        "  %-100s %s (%.0f s in all)%n",
                        abbreviate(sql),
                        Progress.time(seconds(t)),
                        seconds(t0));
            }
        }
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 100 ? sql : sql.substring(0, 97) + "...";
    }

    private static void analyze(Database db, Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            if (db.isPostgres()) {
                s.execute("VACUUM ANALYZE users");
                s.execute("VACUUM ANALYZE followers");
                s.execute("VACUUM ANALYZE posts");
            } else {
                for (String table : List.of("USERS", "FOLLOWERS", "POSTS", "POST_WORDS")) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(CURRENT SCHEMA, '" + table + "', NULL)");
                }
            }
        }
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String t : List.of(table, table.toUpperCase(Locale.ROOT))) {
            for (String col : List.of(column, column.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = meta.getColumns(null, null, t, col)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void summary(SocialGraph graph, long[] followers) {
        int[] following = Arrays.copyOfRange(graph.followingCount, 1, graph.users + 1);
        int[] posts = Arrays.copyOfRange(graph.postCount, 1, graph.users + 1);
        long[] fans = Arrays.copyOfRange(followers, 1, graph.users + 1);
        Arrays.sort(following);
        Arrays.sort(posts);
        Arrays.sort(fans);
        int over10k = 0;
        for (long f : fans) {
            over10k += f > 10_000 ? 1 : 0;
        }
        System.out.printf(
                Locale.ROOT,
                "Followings per user: mean %.1f, median %d, max %d%n",
                (double) graph.totalFollowing() / graph.users,
                following[following.length / 2],
                following[following.length - 1]);
        System.out.printf(
                Locale.ROOT,
                "Followers per user:  median %d, max %,d, users over 10,000: %d%n",
                fans[fans.length / 2],
                fans[fans.length - 1],
                over10k);
        System.out.printf(
                Locale.ROOT,
                "Posts per user:      median %d, max %,d%n",
                posts[posts.length / 2],
                posts[posts.length - 1]);
    }

    /**
     * A hash in the format of Jakarta Security's Pbkdf2PasswordHash as the application configures it
     * (PBKDF2WithHmacSHA256, 600,000 iterations, 32-byte salt and key), computed once for all users: they all
     * share one published password, so one salt hides nothing that matters.
     */
    static String passwordHash(String password, SplittableRandom random) {
        try {
            byte[] salt = new byte[32];
            random.nextBytes(salt); // from the seed, so that the whole data set is reproducible
            int iterations = 600_000;
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 32 * 8);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return "PBKDF2WithHmacSHA256:" + iterations + ":" + b64.encodeToString(salt) + ":"
                    + b64.encodeToString(key);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS} in UTC, the text both databases read as a TIMESTAMP. */
    static String timestamp(long epochMillis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
        int millis = (int) Math.floorMod(epochMillis, 1000);
        StringBuilder b = new StringBuilder(23);
        b.append(t.getYear()).append('-');
        two(b, t.getMonthValue()).append('-');
        two(b, t.getDayOfMonth()).append(' ');
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        two(b, t.getSecond()).append('.');
        if (millis < 100) {
            b.append('0');
        }
        return two(b, millis).toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return (v < 10 ? b.append('0') : b).append(v);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
