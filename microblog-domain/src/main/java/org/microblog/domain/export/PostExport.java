package org.microblog.domain.export;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.microblog.domain.post.TimelineCursor;

/**
 * One person's export of their posts: a JSON file written by a batch job, a chunk of posts at a time, newest first,
 * and kept {@link #KEPT} after it last changed. A person has at most one (the table's unique {@code user_id}); a new
 * one replaces a finished or failed one.
 *
 * <p>The row is the job's state, in our database rather than in the batch runtime's job repository: where the job has
 * got to ({@link #getCursor() cursor}, the last post written), how many posts it has written, and which {@link
 * #getRun() run} of the job may write to it. A chunk's posts and the moved cursor are written in one transaction
 * ({@link #wrote}), so a run that starts again from the cursor neither repeats nor skips a post. A restart takes the
 * next run number ({@link #resume}); a run that still writes after that is refused.
 */
@Entity
@Table(name = "post_exports")
@Cacheable(false)
public class PostExport {

    /** How long an export is kept after it last changed (finished, failed, or its last chunk). */
    public static final Duration KEPT = Duration.ofDays(1);

    /** The longest account part, in characters (see ExportJson): a username, about me, a time and three numbers. */
    public static final int ACCOUNT_JSON_MAX = 2000;

    /** Where an export is. */
    public enum State {
        /** A job writes it, or died writing it and waits to be resumed. */
        RUNNING,
        /** Every post is written: it can be downloaded. */
        FINISHED,
        /** The job stopped on an error; the person can start another. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long ownerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "run", nullable = false)
    private int run;

    @Column(name = "posts_total", nullable = false)
    private int postsTotal;

    @Column(name = "posts_done", nullable = false)
    private int postsDone;

    @Column(name = "cursor_time", nullable = false)
    private Instant cursorTime;

    @Column(name = "cursor_post_id", nullable = false)
    private long cursorPostId;

    @Column(name = "account_json", nullable = false, updatable = false, length = ACCOUNT_JSON_MAX)
    private String accountJson;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PostExport() {
        // for JPA
    }

    /**
     * A running export, started at {@code now}, of {@code postsTotal} posts of {@code ownerId}: those older than
     * {@code now}, so that posts written while it runs are not in it.
     *
     * @param accountJson the account's public profile, as the file's JSON object
     */
    public PostExport(long ownerId, String accountJson, int postsTotal, Instant now) {
        if (postsTotal < 0) {
            throw new IllegalArgumentException("A number of posts, not " + postsTotal);
        }
        Objects.requireNonNull(accountJson, "accountJson");
        if (accountJson.length() > ACCOUNT_JSON_MAX) {
            throw new IllegalArgumentException("An account part of " + accountJson.length() + " characters");
        }
        this.ownerId = ownerId;
        this.accountJson = accountJson;
        this.postsTotal = postsTotal;
        this.state = State.RUNNING;
        this.run = 1;
        TimelineCursor start = TimelineCursor.before(Objects.requireNonNull(now, "now"));
        this.cursorTime = start.timestamp();
        this.cursorPostId = start.postId();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Records that run {@code run} wrote {@code count} more posts, up to {@code last}, at {@code now}.
     *
     * @throws IllegalStateException if the export is not running or another run has taken it over
     */
    public void wrote(int run, int count, TimelineCursor last, Instant now) {
        requireRunBy(run);
        if (count < 1 || !getCursor().isAfter(last)) {
            throw new IllegalArgumentException("A chunk goes on past the cursor " + getCursor() + ", not to " + last);
        }
        postsDone += count;
        cursorTime = last.timestamp();
        cursorPostId = last.postId();
        updatedAt = now;
    }

    /**
     * Run {@code run} wrote the last chunk: the export can be downloaded. Posts deleted while it ran are not in it,
     * so the total becomes what was written. Finishing a finished export changes nothing.
     *
     * @return whether it was running until now
     */
    public boolean finish(int run, Instant now) {
        if (state == State.FINISHED && this.run == run) {
            return false;
        }
        requireRunBy(run);
        state = State.FINISHED;
        postsTotal = postsDone;
        finishedAt = now;
        updatedAt = now;
        return true;
    }

    /** Run {@code run} stopped on an error; nothing changes if another run has taken the export over meanwhile. */
    public void fail(int run, Instant now) {
        if (state == State.RUNNING && this.run == run) {
            state = State.FAILED;
            updatedAt = now;
        }
    }

    /**
     * Hands a running export to a new run of the job, which goes on from the cursor; the run before, if it still
     * lives, can write no more.
     *
     * @return the new run's number
     */
    public int resume(Instant now) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("Only a running export is resumed, not a " + state + " one");
        }
        run++;
        updatedAt = now;
        return run;
    }

    private void requireRunBy(int run) {
        if (state != State.RUNNING || this.run != run) {
            throw new IllegalStateException(
                    "Run " + run + " may not write export " + id + " (" + state + ", run " + this.run + ")");
        }
    }

    /** Whether a running export has not moved since {@code quiet} before {@code now}: its job has died. */
    public boolean isStalled(Instant now, Duration quiet) {
        return state == State.RUNNING && !updatedAt.plus(quiet).isAfter(now);
    }

    public Long getId() {
        return id;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public boolean isOwnedBy(long userId) {
        return ownerId == userId;
    }

    public State getState() {
        return state;
    }

    public boolean isRunning() {
        return state == State.RUNNING;
    }

    public boolean isFinished() {
        return state == State.FINISHED;
    }

    public int getRun() {
        return run;
    }

    public int getPostsTotal() {
        return postsTotal;
    }

    public int getPostsDone() {
        return postsDone;
    }

    /** The last post written, or the start (before every post older than the export) when none is yet. */
    public TimelineCursor getCursor() {
        return new TimelineCursor(cursorTime, cursorPostId);
    }

    public String getAccountJson() {
        return accountJson;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Optional<Instant> getFinishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    /** Until when it is kept: {@link #KEPT} after it last changed. */
    public Instant getKeptUntil() {
        return updatedAt.plus(KEPT);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PostExport other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return PostExport.class.hashCode();
    }

    @Override
    public String toString() {
        return "PostExport[" + id + ", user " + ownerId + ", " + state + ", run " + run + ", " + postsDone + "/"
                + postsTotal + "]";
    }
}
