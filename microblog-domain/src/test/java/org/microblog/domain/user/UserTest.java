package org.microblog.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {

    @Test
    void avatarIsTheGravatarOfTheTrimmedLowerCasedEmail() {
        User john = new User("john", "  John@Example.com ", "hash");

        assertEquals("john@example.com", john.getEmail());
        assertEquals(
                "https://www.gravatar.com/avatar/d4c74594d841139328695756648b6bd6?d=identicon&s=36",
                john.avatarUrl(36));
    }

    @Test
    void aUsernameIsKeptAsTypedAndComparedInLowerCase() {
        User john = new User("  John ", "john@example.com", "hash");

        assertEquals("John", john.getUsername());
        assertEquals("john", User.usernameKey(" JOHN "));
        assertEquals(User.usernameKey("john"), User.usernameKey(john.getUsername()));
    }

    @Test
    void avatarSizeOutsideGravatarsRangeIsRefused() {
        User john = new User("john", "john@example.com", "hash");

        assertThrows(IllegalArgumentException.class, () -> john.avatarUrl(0));
    }

    @Test
    void aNewUserFollowsNobodyButHoldsTheSelfLinkInternally() {
        User john = new User("john", "john@example.com", "hash");

        assertTrue(john.getFollowing().isEmpty());
        assertFalse(john.isFollowing(john));
    }

    @Test
    void followingMakesTheLinkToPersistAndRaisesBothCounts() {
        User john = new User("john", "john@example.com", "hash");
        User susan = new User("susan", "susan@example.com", "hash");

        Follow link = john.follow(susan);

        assertSame(john, link.getFollower());
        assertSame(susan, link.getFollowed());
        assertEquals(1, john.getFollowingCount());
        assertEquals(0, john.getFollowersCount());
        assertEquals(1, susan.getFollowersCount());
        assertEquals(0, susan.getFollowingCount());
    }

    @Test
    void followingDoesNotTouchTheSetOfFollowingsItWouldHaveToLoad() {
        User john = new User("john", "john@example.com", "hash");
        User susan = new User("susan", "susan@example.com", "hash");

        john.follow(susan);

        assertTrue(john.getFollowing().isEmpty());
    }

    @Test
    void unfollowingLowersBothCounts() {
        User john = new User("john", "john@example.com", "hash");
        User susan = new User("susan", "susan@example.com", "hash");
        Follow link = john.follow(susan);

        john.unfollow(link);

        assertEquals(0, john.getFollowingCount());
        assertEquals(0, susan.getFollowersCount());
    }

    @Test
    void nobodyEndsSomeoneElsesFollow() {
        User john = new User("john", "john@example.com", "hash");
        User susan = new User("susan", "susan@example.com", "hash");
        Follow link = john.follow(susan);

        assertThrows(IllegalArgumentException.class, () -> susan.unfollow(link));
        assertEquals(1, susan.getFollowersCount());
    }

    @Test
    void followingYourselfIsNotAFollow() {
        User john = new User("john", "john@example.com", "hash");

        assertThrows(IllegalArgumentException.class, () -> john.follow(john));
        assertEquals(0, john.getFollowingCount());
    }

    @Test
    void lastSeenNeverMovesBack() {
        User john = new User("john", "john@example.com", "hash");
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        john.seenAt(now);
        john.seenAt(now.minusSeconds(60));

        assertEquals(now, john.getLastSeen().orElseThrow());
    }

    @Test
    void aboutMeIsKeptWithoutSurroundingSpaces() {
        User john = new User("john", "john@example.com", "hash");

        john.describeAs("\u00A0 hello\n\u3000");

        assertEquals("hello", john.getAboutMe().orElseThrow());
    }

    @Test
    void blankAboutMeIsNone() {
        User john = new User("john", "john@example.com", "hash");

        john.describeAs("   ");
        assertTrue(john.getAboutMe().isEmpty());

        john.describeAs("\u00A0\u200B\u3000\uFEFF");
        assertTrue(john.getAboutMe().isEmpty(), "invisible characters are blank too");
    }

    @Test
    void aboutMeHoldsOneHundredFortyEmojiAndNoControlCharacters() {
        User john = new User("john", "john@example.com", "hash");
        String emoji = "\uD83D\uDE00".repeat(User.ABOUT_ME_MAX);

        john.describeAs(emoji);

        assertEquals(emoji, john.getAboutMe().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> john.describeAs(" " + emoji), "the space counts");
        assertThrows(IllegalArgumentException.class, () -> john.describeAs(emoji + "!"));
        assertThrows(IllegalArgumentException.class, () -> john.describeAs("bell\u0007"));
        assertEquals(emoji, john.getAboutMe().orElseThrow(), "a refused text changes nothing");
    }

    @Test
    void changingThePasswordOrSigningOutEverywhereRaisesTheCredentialsVersion() {
        User john = new User("john", "john@example.com", "hash");
        assertEquals(0, john.getCredentialsVersion());

        john.changePasswordHash("new-hash");
        assertEquals(1, john.getCredentialsVersion());
        assertEquals("new-hash", john.getPasswordHash());

        john.endAllSessions();
        assertEquals(2, john.getCredentialsVersion());
    }
}
