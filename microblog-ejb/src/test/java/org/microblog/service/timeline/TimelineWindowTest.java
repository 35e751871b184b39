package org.microblog.service.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microblog.domain.post.TimelineCursor;

class TimelineWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-29T16:00:00Z");
    private static final int WANTED = 21;

    /** 100,000 users who wrote 2,000,000 posts in the year before {@code newest}. */
    private static SiteActivity site(Instant newest) {
        return new SiteActivity(
                100_000, 2_000_000, Optional.of(newest.minus(365, ChronoUnit.DAYS)), Optional.of(newest));
    }

    @Test
    void firstWindowHoldsTwiceThePageAtTheFollowedUsersPostingRate() {
        TimelineWindow window = TimelineWindow.first(site(NOW), 1_001, WANTED, Optional.empty(), NOW);

        // A user writes every 18.25 days: 1,001 users write 42 posts in about 18.4 hours.
        assertEquals(18, window.length().toHours());
        assertEquals(Optional.of(NOW.minus(window.length())), window.notBefore());
        assertTrue(window.after().isEmpty());
    }

    @Test
    void fewerFollowedUsersLookFurtherBack() {
        Duration thousand = TimelineWindow.first(site(NOW), 1_001, WANTED, Optional.empty(), NOW)
                .length();
        Duration ten = TimelineWindow.first(site(NOW), 11, WANTED, Optional.empty(), NOW)
                .length();

        assertEquals(91, ten.toSeconds() / thousand.toSeconds());
    }

    @Test
    void aSiteQuietForHoursGetsTheWindowOfABusyOneEndingAtItsNewestPost() {
        Instant quietSince = NOW.minus(16, ChronoUnit.HOURS);

        TimelineWindow busy = TimelineWindow.first(site(NOW), 1_001, WANTED, Optional.empty(), NOW);
        TimelineWindow quiet = TimelineWindow.first(site(quietSince), 1_001, WANTED, Optional.empty(), NOW);

        assertEquals(busy.length(), quiet.length());
        assertEquals(Optional.of(quietSince.minus(quiet.length())), quiet.notBefore());
    }

    @Test
    void aLaterPageEndsAtItsCursor() {
        TimelineCursor cursor = new TimelineCursor(NOW.minus(3, ChronoUnit.DAYS), 77);

        TimelineWindow window = TimelineWindow.first(site(NOW), 1_001, WANTED, Optional.of(cursor), NOW);

        assertEquals(Optional.of(cursor), window.after());
        assertEquals(Optional.of(cursor.timestamp().minus(window.length())), window.notBefore());
    }

    @Test
    void aCursorNewerThanEveryPostIsReadFromTheNewestPost() {
        TimelineCursor future = new TimelineCursor(NOW.plus(400, ChronoUnit.DAYS), 1);

        TimelineWindow window = TimelineWindow.first(site(NOW), 1_001, WANTED, Optional.of(future), NOW);

        assertEquals(Optional.of(NOW.minus(window.length())), window.notBefore());
    }

    @Test
    void theOlderWindowStartsWhereTheLastEndedAndGrowsFromTheRateItSaw() {
        TimelineWindow first = TimelineWindow.first(site(NOW), 1_001, WANTED, Optional.empty(), NOW);

        TimelineWindow next = first.older(7, 14, site(NOW));

        assertEquals(Optional.of(TimelineCursor.before(first.notBefore().orElseThrow())), next.after());
        assertEquals(first.length().multipliedBy(4), next.length()); // twice 14 missing at 7 per window
        assertEquals(Optional.of(first.notBefore().orElseThrow().minus(next.length())), next.notBefore());
    }

    @Test
    void growthIsAtLeastDoubleAndAtMostSixteenfold() {
        TimelineWindow first = TimelineWindow.first(site(NOW), 1_001, WANTED, Optional.empty(), NOW);

        assertEquals(
                first.length().multipliedBy(2), first.older(20, 1, site(NOW)).length());
        assertEquals(
                first.length().multipliedBy(16), first.older(0, 21, site(NOW)).length());
    }

    @Test
    void aWindowReachingBeforeTheFirstPostHasNoBoundAndIsTheLast() {
        TimelineWindow first = TimelineWindow.first(site(NOW), 11, WANTED, Optional.empty(), NOW);

        TimelineWindow window = first;
        int windows = 1;
        while (window.isBounded()) {
            window = window.older(0, WANTED, site(NOW));
            windows++;
        }

        assertEquals(2, windows); // 70 days, then 16 times as long: before the site's first post
        assertThrows(
                IllegalStateException.class, () -> TimelineWindow.first(site(NOW), 11, WANTED, Optional.empty(), NOW)
                        .older(0, WANTED, site(NOW))
                        .older(0, WANTED, site(NOW))
                        .older(0, WANTED, site(NOW)));
    }

    @Test
    void aSiteWithoutPostsIsReadWithoutBound() {
        SiteActivity empty = new SiteActivity(3, 0, Optional.empty(), Optional.empty());

        assertFalse(
                TimelineWindow.first(empty, 1, WANTED, Optional.empty(), NOW).isBounded());
    }

    @Test
    void theDerbyHashJoinPaysFromAboutFourHundredFollowedUsersAtAHundredThousandUsers() {
        TimelineWindow window = TimelineWindow.first(site(NOW), 400, WANTED, Optional.empty(), NOW);

        assertFalse(DerbyHashJoin.pays(site(NOW), window, 300, WANTED));
        assertTrue(DerbyHashJoin.pays(site(NOW), window, 500, WANTED));
    }

    @Test
    void theDerbyHashJoinsCrossingPointGrowsWithTheSquareRootOfTheUsers() {
        SiteActivity tenTimes =
                new SiteActivity(1_000_000, 20_000_000, Optional.of(NOW.minus(365, ChronoUnit.DAYS)), Optional.of(NOW));
        TimelineWindow window = TimelineWindow.first(tenTimes, 1_000, WANTED, Optional.empty(), NOW);

        assertFalse(DerbyHashJoin.pays(tenTimes, window, 1_100, WANTED));
        assertTrue(DerbyHashJoin.pays(tenTimes, window, 1_400, WANTED));
    }
}
