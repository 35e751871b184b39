package org.microblog.web.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LastSeenFilterTest {

    private static final Instant START = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void theFirstRequestOfASessionRecordsLastSeen() {
        assertTrue(LastSeenFilter.isDue(null, START));
    }

    @Test
    void requestsWithinAMinuteOfTheLastWriteWriteNothing() {
        assertFalse(LastSeenFilter.isDue(START, START.plusSeconds(1)));
        assertFalse(LastSeenFilter.isDue(START, START.plusSeconds(59)));
    }

    @Test
    void aRequestAMinuteOrMoreAfterTheLastWriteWritesAgain() {
        assertTrue(LastSeenFilter.isDue(START, START.plusSeconds(60)));
        assertTrue(LastSeenFilter.isDue(START, START.plusSeconds(3600)));
    }
}
