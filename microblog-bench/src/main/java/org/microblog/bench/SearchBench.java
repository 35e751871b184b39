package org.microblog.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.service.search.SearchQuery;
import org.microblog.service.search.SearchService;
import org.microblog.service.timeline.PostPage;

/**
 * Search ({@link SearchService}) on the generated data set: a common word (in about a tenth of all posts), a rare
 * one (a dozen posts), two common words, a common and a rare one, a later page, a signed-in reader (the block checks),
 * a username prefix, and the whole search page (people and posts). Before timing, it checks the posts found against
 * the posts table read without any index of words: the rare word's every post, and the common word's first two pages.
 *
 * <p>Part of {@code ./microblog bench} (rows in {@link Benchmark}); alone:
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl microblog-bench -am process-classes \
 *     -Dbench.main=org.microblog.bench.SearchBench -Dbench.args="[--jdbc-url URL --user U] [--samples 2000]"
 * </pre>
 */
final class SearchBench {

    static final int PAGE = 20;
    static final String COMMON = "coffee";
    static final String COMMON_TOO = "garden";
    /** One of the generator's rare words (Generate.RARE_WORDS). */
    static final String RARE = "quokka";

    private final Database db;
    private final Services services;

    private SearchBench(Database db, Services services) {
        this.db = db;
        this.services = services;
    }

    /** Checks, then times through {@code measure} (the caller's timing loop). */
    static void measure(
            Database db, Services services, long[] readers, BiConsumer<String, IntFunction<Object>> measure) {
        SearchBench bench = new SearchBench(db, services);
        if (!db.isPostgres()
                && bench.ids("SELECT post_id FROM post_words WHERE word > ?", "", 1)
                        .isEmpty()) {
            System.out.println(
                    "Search left out: this Derby data set has no word index (generate --search-index false)");
            return;
        }
        bench.verify(RARE, 1);
        bench.verify(COMMON, 2);
        System.out.println("Verified search against the posts table");
        TimelineCursor tenthPage = bench.cursorOfPage(COMMON, 10);
        measure.accept("Search, common word (" + COMMON + "), first page", i -> bench.posts(COMMON, Optional.empty()));
        measure.accept("Search, common word, page 10", i -> bench.posts(COMMON, Optional.of(tenthPage)));
        measure.accept("Search, rare word (" + RARE + ")", i -> bench.posts(RARE, Optional.empty()));
        measure.accept(
                "Search, two common words (" + COMMON + " " + COMMON_TOO + ")",
                i -> bench.posts(COMMON + " " + COMMON_TOO, Optional.empty()));
        measure.accept(
                "Search, a common and a rare word (" + COMMON + " " + RARE + ")",
                i -> bench.posts(COMMON + " " + RARE, Optional.empty()));
        measure.accept(
                "Search, common word, signed-in reader (block checks)",
                i -> services.search(s -> s.posts(
                        Optional.of(readers[i % readers.length]), SearchQuery.of(COMMON), Optional.empty(), PAGE)));
        measure.accept(
                "Search, username prefix (user1, 11,111 matches at 100,000 users)",
                i -> services.search(s -> s.people(Optional.empty(), SearchQuery.of("user1"), 10)));
        measure.accept("Search page: people and posts, signed in, common word", i -> {
            long reader = readers[i % readers.length];
            SearchQuery query = SearchQuery.of(COMMON);
            return services.search(s -> List.of(
                    s.people(Optional.of(reader), query, 10),
                    s.posts(Optional.of(reader), query, Optional.empty(), PAGE)));
        });
    }

    private PostPage posts(String query, Optional<TimelineCursor> after) {
        return services.search(s -> s.posts(Optional.empty(), SearchQuery.of(query), after, PAGE));
    }

    private TimelineCursor cursorOfPage(String query, int page) {
        Optional<TimelineCursor> after = Optional.empty();
        for (int p = 1; p < page; p++) {
            after = posts(query, after).next();
        }
        return after.orElseThrow(() -> new IllegalStateException("Fewer than " + page + " pages of " + query));
    }

    /** The first {@code pages} pages of {@code word} equal the posts table's newest posts holding it. */
    private void verify(String word, int pages) {
        List<Long> found = new ArrayList<>();
        Optional<TimelineCursor> after = Optional.empty();
        for (int p = 0; p < pages; p++) {
            PostPage page = posts(word, after);
            page.posts().stream().map(Post::getId).forEach(found::add);
            after = page.next();
            if (after.isEmpty()) {
                break;
            }
        }
        // The generator's words are lower case and separated by single spaces.
        List<Long> expected = ids(
                "SELECT id FROM posts WHERE ' ' || body || ' ' LIKE ? ORDER BY created_at DESC, id DESC",
                "% " + word + " %",
                found.size() + 1);
        if (found.isEmpty() || !expected.subList(0, found.size()).equals(found)) {
            throw new IllegalStateException(
                    "Search for " + word + " found " + found + ", the posts table has " + expected);
        }
    }

    private List<Long> ids(String sql, String pattern, int max) {
        try (Connection c = db.connect();
                PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, pattern);
            p.setMaxRows(max);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This benchmark alone ({@link Standalone}). */
    public static void main(String[] argv) throws Exception {
        Standalone.run(
                argv,
                Standalone.USAGE,
                (db, services, sampled, timed) -> measure(db, services, sampled.ordinaryUsers(), timed));
    }
}
