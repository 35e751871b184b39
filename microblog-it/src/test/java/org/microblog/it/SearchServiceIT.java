package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.SearchWords;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.domain.user.User;
import org.microblog.service.block.BlockService;
import org.microblog.service.post.PostService;
import org.microblog.service.search.SearchQuery;
import org.microblog.service.search.SearchService;
import org.microblog.service.timeline.PostPage;

/**
 * Search in the service, on the database the suite runs on: words in any case and without accents, whole words,
 * every word, newest first to the last page, blocks both ways, deleted posts, people by the start of their name, and
 * queries made to break SQL. Each test searches for a word of its own, so that the suite's other posts never match.
 */
@ExtendWith(ArquillianExtension.class)
class SearchServiceIT {

    private static final AtomicLong WORDS = new AtomicLong(System.nanoTime());

    @EJB
    Fixtures fixtures;

    @EJB
    PostService posts;

    @EJB
    SearchService search;

    @EJB
    BlockService blocks;

    /** A word no other post of the suite holds. */
    private static String word() {
        return "zq" + Long.toString(WORDS.incrementAndGet(), 36);
    }

    private List<Long> found(Optional<Long> viewer, String query) {
        return search.posts(viewer, SearchQuery.of(query), Optional.empty(), 100).posts().stream()
                .map(Post::getId)
                .toList();
    }

    private List<Long> found(String query) {
        return found(Optional.empty(), query);
    }

    @Test
    void aPostIsFoundByItsWordsInAnyCaseAndWithOrWithoutAccents() {
        User ann = fixtures.user("ann");
        String word = word();
        long id = posts.publish(ann.getId(), "Un CAFÉ au lait, " + word.toUpperCase() + "!")
                .getId();

        assertEquals(List.of(id), found(word));
        assertEquals(List.of(id), found("cafe " + word));
        assertEquals(List.of(id), found("Café " + word.toUpperCase()));
        assertEquals(List.of(id), found("\"LAIT\" " + word + "..."));
        assertEquals(List.of(), found("caf " + word), "whole words only: caf is no word of the post");
        assertEquals(List.of(), found("cafes " + word));
        assertEquals(List.of(), found("tea " + word), "every word of the query must be in the post");
    }

    @Test
    void postsComeNewestFirstAndEveryOneOnceWhenPagedToTheEnd() {
        User ann = fixtures.user("ann");
        String word = word();
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            // pairs of posts at the same millisecond: the id tells them apart
            expected.add(posts.publish(ann.getId(), "post " + i + " " + word, now.plusSeconds(i / 2))
                    .getId());
        }
        // newest first: the later second first, and of two posts in one millisecond the later id
        List<Long> newestFirst = expected.reversed();

        List<Long> walked = new ArrayList<>();
        Optional<TimelineCursor> after = Optional.empty();
        int pages = 0;
        do {
            PostPage page = search.posts(Optional.empty(), SearchQuery.of(word), after, 20);
            page.posts().forEach(post -> walked.add(post.getId()));
            after = page.next();
            pages++;
        } while (after.isPresent());

        assertEquals(3, pages);
        assertEquals(newestFirst, walked);
        assertEquals(45, new HashSet<>(walked).size());
    }

    @Test
    void aBlockHidesPostsAndPeopleBothWaysButNotFromVisitors() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        User carl = fixtures.user("carl");
        String word = word();
        long id = posts.publish(ann.getId(), "hello " + word).getId();
        blocks.block(bob.getId(), ann.getUsername());
        blocks.block(ann.getId(), carl.getUsername());

        assertEquals(List.of(), found(Optional.of(bob.getId()), word), "the blocker does not find the blocked");
        assertEquals(List.of(), found(Optional.of(carl.getId()), word), "the blocked does not find the blocker");
        assertEquals(List.of(id), found(Optional.of(fixtures.user("dan").getId()), word));
        assertEquals(List.of(id), found(word));
        assertTrue(search.people(Optional.of(bob.getId()), SearchQuery.of(ann.getUsername()), 10)
                .isEmpty());
        assertTrue(search.people(Optional.of(carl.getId()), SearchQuery.of(ann.getUsername()), 10)
                .isEmpty());
        assertEquals(
                List.of(ann.getId()),
                search.people(Optional.empty(), SearchQuery.of(ann.getUsername()), 10).stream()
                        .map(User::getId)
                        .toList());
    }

    @Test
    void aNewPostIsFoundAtOnceAndADeletedOneNoMore() {
        User ann = fixtures.user("ann");
        String word = word();
        Post post = posts.publish(ann.getId(), "now you see me " + word);
        assertEquals(List.of(post.getId()), found("see " + word));

        posts.delete(ann.getId(), post.getId());

        assertEquals(List.of(), found(word));
    }

    @Test
    void peopleAreFoundByTheStartOfTheirNameInAnyCaseTheWholeNameFirst() {
        String stem = word();
        User exact = fixtures.userNamedExactly(stem, stem + "@example.com");
        User longer = fixtures.userNamedExactly(stem.toUpperCase() + "_b", stem + "b@example.com");
        User other = fixtures.userNamedExactly(stem + "xb", stem + "xb@example.com");

        assertEquals(List.of(exact, longer, other), search.people(Optional.empty(), SearchQuery.of(stem), 10));
        assertEquals(List.of(exact, longer), search.people(Optional.empty(), SearchQuery.of(stem), 2));
        assertEquals(
                List.of(longer),
                search.people(Optional.empty(), SearchQuery.of("@" + stem + "_"), 10),
                "an underscore is itself, not LIKE's any character");
        assertEquals(List.of(), search.people(Optional.empty(), SearchQuery.of(stem + "%"), 10));
    }

    @Test
    void queriesMadeToBreakSqlFindNothingAndFailNowhere() {
        User ann = fixtures.user("ann");
        String word = word();
        long id = posts.publish(ann.getId(), "it's 100% safe_ish \\ " + word).getId();
        List<String> odd = List.of(
                "'",
                "\"",
                "%",
                "_",
                "\\",
                "' OR 1=1 --",
                word + "' OR '1'='1",
                "a & b | !c",
                word + ":*",
                "(" + word + ")",
                "<" + word + ">",
                "\uD800" + word,
                word + "\uDC00",
                "😀 " + word,
                "%_\\",
                "SELECT * FROM users",
                "x".repeat(SearchQuery.MAX_LENGTH));

        for (String query : odd) {
            SearchQuery read = SearchQuery.of(query);
            search.people(Optional.of(ann.getId()), read, 10);
            for (Post post : search.posts(Optional.of(ann.getId()), read, Optional.empty(), 100)
                    .posts()) {
                // the suite's other posts may hold plain words such as "a": each found holds every word, no more
                assertTrue(
                        SearchWords.of(post.getBody()).containsAll(read.words()), query + " found " + post.getBody());
            }
        }
        assertEquals(List.of(id), found("(" + word + ")"), "operators are not words: the word is found");
        assertEquals(List.of(id), found("\uD800" + word), "a lone surrogate is no letter: the word is found");
        assertEquals(List.of(id), found("100 " + word));
        assertEquals(List.of(), found("%"));
    }

    @Test
    void aQueryTooLongOrWithoutWordsSearchesNothing() {
        SearchQuery tooLong = SearchQuery.of("a".repeat(10 * 1024));
        SearchQuery nothing = SearchQuery.of(" %% ¿? ");

        assertTrue(tooLong.isTooLong());
        assertTrue(tooLong.isEmpty());
        assertFalse(nothing.isTooLong());
        assertTrue(nothing.isEmpty());
        assertEquals(
                List.of(),
                search.posts(Optional.empty(), nothing, Optional.empty(), 20).posts());
        assertEquals(List.of(), search.people(Optional.empty(), tooLong, 20));
    }
}
