package org.microblog.domain.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.microblog.domain.post.TimelineCursor;

class PostExportTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private static final String ACCOUNT = "{\"username\":\"ann\"}";

    private static TimelineCursor post(long id, int minutesBeforeStart) {
        return new TimelineCursor(START.minusSeconds(60L * minutesBeforeStart), id);
    }

    @Test
    void aNewExportRunsFromBeforeItsStartWithNothingDone() {
        PostExport export = new PostExport(7, ACCOUNT, 250, START);

        assertTrue(export.isRunning());
        assertEquals(1, export.getRun());
        assertEquals(0, export.getPostsDone());
        assertEquals(250, export.getPostsTotal());
        assertTrue(export.getCursor().isAfter(post(99, 1)), "a post older than the start is in it");
        assertFalse(export.getCursor().isAfter(new TimelineCursor(START, 1)), "one at the start is not");
        assertEquals(START.plus(PostExport.KEPT), export.getKeptUntil());
    }

    @Test
    void aChunkCountsItsPostsAndMovesTheCursorToTheLastOne() {
        PostExport export = new PostExport(7, ACCOUNT, 250, START);

        export.wrote(1, 100, post(42, 100), START.plusSeconds(1));

        assertEquals(100, export.getPostsDone());
        assertEquals(post(42, 100), export.getCursor());
        assertEquals(START.plusSeconds(1).plus(PostExport.KEPT), export.getKeptUntil());
    }

    @Test
    void aChunkThatDoesNotGoOnPastTheCursorIsRefused() {
        PostExport export = new PostExport(7, ACCOUNT, 250, START);
        export.wrote(1, 100, post(42, 100), START.plusSeconds(1));

        assertThrows(IllegalArgumentException.class, () -> export.wrote(1, 100, post(42, 100), START.plusSeconds(2)));
        assertThrows(IllegalArgumentException.class, () -> export.wrote(1, 10, post(50, 20), START.plusSeconds(2)));
        assertEquals(100, export.getPostsDone());
    }

    @Test
    void aResumedExportRefusesTheRunBeforeAndTakesTheNewOne() {
        PostExport export = new PostExport(7, ACCOUNT, 250, START);

        assertEquals(2, export.resume(START.plusSeconds(300)));

        assertThrows(IllegalStateException.class, () -> export.wrote(1, 1, post(42, 100), START.plusSeconds(301)));
        export.fail(1, START.plusSeconds(302));
        assertTrue(export.isRunning(), "the old run's failure changes nothing");
        export.wrote(2, 1, post(42, 100), START.plusSeconds(303));
        assertEquals(1, export.getPostsDone());
    }

    @Test
    void finishingMakesTheTotalWhatWasWrittenOnce() {
        PostExport export = new PostExport(7, ACCOUNT, 250, START);
        export.wrote(1, 248, post(42, 100), START.plusSeconds(1)); // two posts deleted meanwhile

        assertTrue(export.finish(1, START.plusSeconds(2)));
        assertFalse(export.finish(1, START.plusSeconds(3)), "finishing twice tells nobody twice");

        assertTrue(export.isFinished());
        assertEquals(248, export.getPostsTotal());
        assertEquals(START.plusSeconds(2), export.getFinishedAt().orElseThrow());
        assertThrows(IllegalStateException.class, () -> export.resume(START.plusSeconds(4)));
    }

    @Test
    void aRunningExportIsStalledOnlyAfterTheQuietTime() {
        PostExport export = new PostExport(7, ACCOUNT, 250, START);
        Duration quiet = Duration.ofMinutes(2);

        assertFalse(export.isStalled(START.plus(quiet).minusMillis(1), quiet));
        assertTrue(export.isStalled(START.plus(quiet), quiet));
        export.fail(1, START.plusSeconds(1));
        assertFalse(export.isStalled(START.plus(Duration.ofHours(1)), quiet), "a failed export is not resumed");
    }

    @Test
    void anAccountPartTooLongForItsColumnIsRefused() {
        String tooLong = "x".repeat(PostExport.ACCOUNT_JSON_MAX + 1);

        assertThrows(IllegalArgumentException.class, () -> new PostExport(7, tooLong, 0, START));
    }
}
