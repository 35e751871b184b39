package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.export.PostExport;
import org.microblog.domain.notification.Notification;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.domain.user.User;
import org.microblog.service.export.ExportJson;
import org.microblog.service.export.ExportRecords;
import org.microblog.service.export.ExportRunningException;
import org.microblog.service.export.ExportService;
import org.microblog.service.export.PostJson;
import org.microblog.service.notification.NotificationQuery;
import org.microblog.service.notification.NotificationService;
import org.microblog.service.timeline.TimelineService;

/**
 * Exports of posts in the container: the batch job's file, its progress, one export at a time, a job that died or was
 * stopped resumed without duplicates, the file for its owner only, the clean-up after a day.
 */
@ExtendWith(ArquillianExtension.class)
class ExportServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @EJB
    Fixtures fixtures;

    @EJB
    ExportService exports;

    @EJB
    ExportRecords records;

    @EJB
    TimelineService timeline;

    @EJB
    NotificationService notifications;

    /** The person's export once its job has stopped running it (finished or failed). */
    private PostExport awaitDone(User owner) throws InterruptedException {
        Instant until = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(until)) {
            PostExport export = exports.findExport(owner.getId()).orElseThrow();
            if (!export.isRunning()) {
                return export;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The export of " + owner + " still runs after " + WAIT);
    }

    private JsonObject file(PostExport export) throws IOException {
        StringWriter out = new StringWriter();
        exports.writeFile(export, out);
        try (JsonReader reader = Json.createReader(new StringReader(out.toString()))) {
            return reader.readObject();
        }
    }

    private static List<Long> postIds(JsonObject file) {
        return file.getJsonArray("posts").stream()
                .map(JsonValue::asJsonObject)
                .map(post -> post.getJsonNumber("id").longValue())
                .toList();
    }

    /** The first chunk of an export written as run {@code run} would (after which its instance may die). */
    private void writeFirstChunk(PostExport export, int run) {
        TimelineCursor start = TimelineCursor.before(export.getCreatedAt());
        List<PostJson> chunk = timeline.byAuthor(export.getOwnerId(), Optional.of(start), 100).posts().stream()
                .map(ExportJson::post)
                .toList();
        records.append(export.getId(), run, chunk);
    }

    @Test
    void anExportHoldsTheOwnersPostsNewestFirstWithTheirProfile() throws Exception {
        User owner = fixtures.user("exporter");
        List<Long> ids = fixtures.posts(owner, 250, TimeOfItsOwn.newest());
        fixtures.posts(fixtures.user("someone-else"), 3, TimeOfItsOwn.newest());

        PostExport started = exports.start(owner.getId());
        assertEquals(250, started.getPostsTotal());
        PostExport done = awaitDone(owner);

        assertEquals(PostExport.State.FINISHED, done.getState());
        assertEquals(250, done.getPostsDone());
        assertEquals(250, done.getPostsTotal());
        JsonObject file = file(done);
        JsonObject account = file.getJsonObject("account");
        assertEquals(owner.getUsername(), account.getString("username"));
        assertEquals(250, account.getInt("posts_count"));
        assertTrue(account.isNull("about_me"));
        assertEquals(ids, postIds(file), "every post once, newest first, nobody else's");
        JsonObject newest = file.getJsonArray("posts").getJsonObject(0);
        assertEquals("post 0 by " + owner.getUsername(), newest.getString("text"));
        Instant.parse(newest.getString("created_at"));
    }

    @Test
    void aPersonWithoutPostsGetsAnExportWithNoPosts() throws Exception {
        User owner = fixtures.user("quiet");

        exports.start(owner.getId());
        PostExport done = awaitDone(owner);

        assertEquals(PostExport.State.FINISHED, done.getState());
        assertEquals(0, done.getPostsTotal());
        assertEquals(List.of(), postIds(file(done)));
    }

    @Test
    void theOwnerIsToldWhenTheExportIsReady() throws Exception {
        User owner = fixtures.user("told");
        fixtures.posts(owner, 3, TimeOfItsOwn.newest());
        int unreadBefore = notifications.unreadCount(owner.getId());

        exports.start(owner.getId());
        awaitDone(owner);

        assertEquals(unreadBefore + 1, notifications.unreadCount(owner.getId()));
        List<Notification> told = notifications.list(
                owner.getId(), NotificationQuery.newest(EnumSet.of(Notification.Kind.EXPORT_READY), 10));
        assertEquals(1, told.size());
        assertEquals(owner.getId(), told.getFirst().getActor().getId());
    }

    @Test
    void aSecondExportIsRefusedWhileOneRunsAndReplacesAFinishedOne() throws Exception {
        User owner = fixtures.user("twice");
        fixtures.posts(owner, 5, TimeOfItsOwn.newest());
        PostExport running = records.create(owner.getId()); // a running export whose job has not started yet

        assertThrows(ExportRunningException.class, () -> exports.start(owner.getId()));
        assertEquals(
                running.getId(), exports.findExport(owner.getId()).orElseThrow().getId());

        records.fail(running.getId(), running.getRun());
        PostExport second = exports.start(owner.getId());
        assertNotEquals(running.getId(), second.getId());
        assertEquals(PostExport.State.FINISHED, awaitDone(owner).getState());
        assertTrue(records.find(running.getId()).isEmpty(), "the failed one is replaced");
    }

    @Test
    void progressCountsThePostsWrittenSoFar() {
        User owner = fixtures.user("progress");
        fixtures.posts(owner, 150, TimeOfItsOwn.newest());
        PostExport export = records.create(owner.getId());

        writeFirstChunk(export, export.getRun());

        PostExport halfway = exports.findExport(owner.getId()).orElseThrow();
        records.fail(export.getId(), export.getRun()); // no job runs it: nothing for the housekeeping to resume
        assertTrue(halfway.isRunning());
        assertEquals(100, halfway.getPostsDone());
        assertEquals(150, halfway.getPostsTotal());
    }

    @Test
    void anExportWhoseJobDiedIsResumedFromItsCursorWithoutDuplicates() throws Exception {
        User owner = fixtures.user("died");
        List<Long> ids = fixtures.posts(owner, 230, TimeOfItsOwn.newest());
        PostExport export = records.create(owner.getId());
        writeFirstChunk(export, export.getRun());
        fixtures.backdateExport(export.getId(), ExportService.STALLED.plusSeconds(1));

        exports.resumeStalled(ExportService.STALLED); // or the housekeeping's timer, if it comes first

        PostExport done = awaitDone(owner);
        assertEquals(PostExport.State.FINISHED, done.getState());
        assertEquals(2, done.getRun(), "resumed once");
        assertEquals(230, done.getPostsDone());
        assertEquals(ids, postIds(file(done)), "every post once, in order");
        assertThrows(
                EJBException.class, () -> writeFirstChunk(done, 1), "the run before the restart can write no more");
    }

    @Test
    void anExportThatMovedRecentlyIsNotResumed() {
        User owner = fixtures.user("alive");
        fixtures.posts(owner, 5, TimeOfItsOwn.newest());
        PostExport export = records.create(owner.getId());

        exports.resumeStalled(ExportService.STALLED);

        PostExport after = records.find(export.getId()).orElseThrow();
        records.fail(export.getId(), export.getRun()); // no job runs it: nothing for the housekeeping to resume
        assertEquals(1, after.getRun());
        assertTrue(after.isRunning());
    }

    @Test
    void aStoppedJobIsResumedAndFinishesWithoutDuplicates() throws Exception {
        User owner = fixtures.user("stopped");
        List<Long> ids = fixtures.posts(owner, 1500, TimeOfItsOwn.newest());
        JobOperator jobs = BatchRuntime.getJobOperator();

        String exportId = String.valueOf(exports.start(owner.getId()).getId());
        List<Long> running = jobs.getRunningExecutions("post-export").stream()
                .filter(execution ->
                        exportId.equals(jobs.getParameters(execution).getProperty("exportId")))
                .toList(); // this export's job only: another test's may still be finishing
        running.forEach(jobs::stop);
        for (long execution : running) {
            Instant until = Instant.now().plus(WAIT);
            while (jobs.getJobExecution(execution).getBatchStatus() != BatchStatus.STOPPED
                    && jobs.getJobExecution(execution).getBatchStatus() != BatchStatus.COMPLETED
                    && Instant.now().isBefore(until)) {
                Thread.sleep(20);
            }
        }
        PostExport stopped = exports.findExport(owner.getId()).orElseThrow();
        if (stopped.isRunning()) { // stopped mid-way, as is likely: resumed, as the housekeeping would
            fixtures.backdateExport(stopped.getId(), ExportService.STALLED.plusSeconds(1));
            exports.resumeStalled(ExportService.STALLED);
        }
        PostExport done = awaitDone(owner);

        assertEquals(PostExport.State.FINISHED, done.getState());
        assertEquals(ids, postIds(file(done)), "every post once, in order");
    }

    @Test
    void onlyTheOwnerGetsTheFinishedFile() throws Exception {
        User owner = fixtures.user("owner");
        User other = fixtures.user("other");
        fixtures.posts(owner, 2, TimeOfItsOwn.newest());
        PostExport running = records.create(owner.getId());

        assertTrue(exports.findDownload(owner.getId(), running.getId()).isEmpty(), "not while it runs");
        records.fail(running.getId(), running.getRun());
        exports.start(owner.getId());
        PostExport done = awaitDone(owner);

        assertTrue(exports.findDownload(owner.getId(), done.getId()).isPresent());
        assertTrue(exports.findDownload(other.getId(), done.getId()).isEmpty());
        assertTrue(exports.findExport(other.getId()).isEmpty());
    }

    @Test
    void anExportIsDeletedADayAfterItLastChanged() throws Exception {
        User old = fixtures.user("old-export");
        User recent = fixtures.user("recent-export");
        fixtures.posts(old, 3, TimeOfItsOwn.newest());
        exports.start(old.getId());
        exports.start(recent.getId());
        PostExport oldExport = awaitDone(old);
        awaitDone(recent);
        fixtures.backdateExport(oldExport.getId(), PostExport.KEPT.plusMinutes(1));

        assertTrue(exports.deleteExpired() >= 1);

        assertTrue(exports.findExport(old.getId()).isEmpty());
        assertTrue(exports.findExport(recent.getId()).isPresent());
        assertFalse(exports.findDownload(old.getId(), oldExport.getId()).isPresent());
    }
}
