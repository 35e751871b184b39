-- Stored home timelines (issue 25) for readers who follow many: their newest entries, written by fan-out on write.
-- Written in the SQL that Apache Derby and PostgreSQL share; it only adds tables. The design and its reasons are in
-- docs/design.md, "Stored home timelines".

-- Who has a stored timeline. While ready is FALSE it is being built from the pull (the claim says by which worker,
-- until when) and reads use the pull. Once ready, the entries hold every post of the reader's home timeline at the
-- floor, (floor_time, floor_post_id), or newer, except other people's posts whose fan-out has not reached them yet;
-- older pages are read with the pull. The floor only rises (trimming, a follow of someone who posted much). Every
-- follow by the reader adds one to version, in the follow's transaction: a build that saw another version than the
-- one it ends with may have missed that follow, and starts again.
CREATE TABLE stored_timelines (
    reader_id     BIGINT      NOT NULL,
    ready         BOOLEAN     NOT NULL,
    floor_time    TIMESTAMP   NOT NULL,
    floor_post_id BIGINT      NOT NULL,
    version       BIGINT      NOT NULL,
    claimed_by    VARCHAR(64),
    claimed_until TIMESTAMP,
    CONSTRAINT pk_stored_timelines PRIMARY KEY (reader_id),
    CONSTRAINT fk_stored_timelines_reader FOREIGN KEY (reader_id) REFERENCES users (id)
);
CREATE INDEX ix_stored_timelines_ready ON stored_timelines (ready, reader_id);

-- The entries, newest first per reader. The index is the table's only one: a page reads one range of it, and it is
-- unique, so that a post enters a reader's timeline once whoever writes it (the fan-out, a follow, a build). No
-- foreign keys: a post deleted or an author unfollowed is left out when reading (the join with the live rows), and
-- the trimming removes the rows in time.
CREATE TABLE timeline_entries (
    reader_id  BIGINT    NOT NULL,
    created_at TIMESTAMP NOT NULL,
    post_id    BIGINT    NOT NULL,
    author_id  BIGINT    NOT NULL
);
CREATE UNIQUE INDEX ux_timeline_entries ON timeline_entries (reader_id, created_at DESC, post_id DESC, author_id);

-- The outbox: one row per post still to fan out, written in the publishing transaction. A worker claims a row until
-- claimed_until, moves the post into the stored timelines of the author's followers in chunks by follower id (every
-- chunk commits with next_follower_id, where the next one starts), and deletes the row at the end. A worker that
-- dies leaves its claim to run out; another goes on from next_follower_id.
CREATE TABLE fan_outs (
    post_id          BIGINT      NOT NULL,
    author_id        BIGINT      NOT NULL,
    created_at       TIMESTAMP   NOT NULL,
    queued_at        TIMESTAMP   NOT NULL,
    next_follower_id BIGINT      NOT NULL,
    claimed_by       VARCHAR(64),
    claimed_until    TIMESTAMP,
    CONSTRAINT pk_fan_outs PRIMARY KEY (post_id)
);
CREATE INDEX ix_fan_outs_queued ON fan_outs (queued_at);
