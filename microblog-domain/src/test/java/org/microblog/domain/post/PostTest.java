package org.microblog.domain.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.microblog.domain.user.User;

class PostTest {

    private final User author = new User("john", "john@example.com", "hash");

    @Test
    void bodyIsStrippedAndTimeKeptToTheMillisecond() {
        Post post = new Post(author, "  hello  ", Instant.parse("2026-11-25T10:00:00.123456789Z"));

        assertEquals("hello", post.getBody());
        assertEquals(Instant.parse("2026-11-25T10:00:00.123Z"), post.getTimestamp());
    }

    @Test
    void blankOrOverlongBodiesAreRefused() {
        Instant now = Instant.now();

        assertThrows(IllegalArgumentException.class, () -> new Post(author, "   ", now));
        assertThrows(IllegalArgumentException.class, () -> new Post(author, "\u00A0\u200B\u3000", now));
        assertThrows(IllegalArgumentException.class, () -> new Post(author, "x".repeat(Post.BODY_MAX + 1), now));
        assertEquals(
                Post.BODY_MAX,
                new Post(author, "x".repeat(Post.BODY_MAX), now).getBody().length());
    }

    @Test
    void aBodyHoldsOneHundredFortyEmojiWhole() {
        String emoji = "\uD83D\uDE00".repeat(Post.BODY_MAX);

        assertEquals(emoji, new Post(author, emoji, Instant.now()).getBody());
        assertThrows(IllegalArgumentException.class, () -> new Post(author, emoji + "\uD83D\uDE00", Instant.now()));
    }

    @Test
    void controlCharactersAreRefusedButLineFeedsAndTabsKept() {
        Instant now = Instant.now();

        assertThrows(IllegalArgumentException.class, () -> new Post(author, "a\u0000b", now));
        assertEquals("a\n\tb", new Post(author, " a\n\tb\n", now).getBody());
    }

    @Test
    void cursorTextFormRoundTrips() {
        TimelineCursor cursor = new TimelineCursor(Instant.parse("2026-11-25T10:00:00.123Z"), 42);

        assertEquals(cursor, TimelineCursor.parse(cursor.token()).orElseThrow());
    }

    @Test
    void malformedCursorsAreEmpty() {
        assertTrue(TimelineCursor.parse(null).isEmpty());
        assertTrue(TimelineCursor.parse("").isEmpty());
        assertTrue(TimelineCursor.parse("abc").isEmpty());
        assertTrue(TimelineCursor.parse("12-x").isEmpty());
        assertTrue(TimelineCursor.parse("99999999999999999999-1").isEmpty());
    }

    @Test
    void aCursorOutsideTheTimesADatabaseHoldsIsMalformed() {
        assertTrue(TimelineCursor.parse("9223372036854775807-1").isEmpty());
        assertTrue(TimelineCursor.parse("-9223372036854775807-1").isEmpty());
        assertTrue(TimelineCursor.parse("253402300799999-1").isPresent(), "the last millisecond of 9999");
        assertTrue(TimelineCursor.parse("253402300800000-1").isEmpty());
    }
}
