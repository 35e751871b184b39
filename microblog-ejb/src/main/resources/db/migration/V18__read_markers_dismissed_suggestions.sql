-- What the client API (issue 22) remembers for a person beyond their posts and links: where they stopped reading
-- (Mastodon's markers) and the people they asked not to be suggested again. Written in the SQL that Apache Derby
-- and PostgreSQL share; it only adds tables.

-- A person's read position in one of their lists: 'home' (the home timeline) or 'notifications'. An app moves it
-- (POST /api/v1/markers); moving the notifications marker marks the notifications up to it read, which the site's
-- unread count follows. version counts the moves, as Mastodon's does.
CREATE TABLE read_markers (
    user_id      BIGINT      NOT NULL,
    timeline     VARCHAR(16) NOT NULL,
    last_read_id BIGINT      NOT NULL,
    version      INTEGER     NOT NULL,
    updated_at   TIMESTAMP   NOT NULL,
    CONSTRAINT pk_read_markers PRIMARY KEY (user_id, timeline),
    CONSTRAINT fk_read_markers_user FOREIGN KEY (user_id) REFERENCES users (id)
);

-- Someone a person does not want suggested again (DELETE /api/v1/suggestions/:id). Who-to-follow leaves them out
-- with one more primary-key probe per candidate, next to the probes of follows and blocks.
CREATE TABLE dismissed_suggestions (
    user_id      BIGINT    NOT NULL,
    dismissed_id BIGINT    NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    CONSTRAINT pk_dismissed_suggestions PRIMARY KEY (user_id, dismissed_id),
    CONSTRAINT fk_dismissed_suggestions_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_dismissed_suggestions_dismissed FOREIGN KEY (dismissed_id) REFERENCES users (id)
);
CREATE INDEX ix_dismissed_suggestions_dismissed ON dismissed_suggestions (dismissed_id);

-- An app pages a person's notifications by id (max_id, since_id, min_id), as it pages statuses.
CREATE INDEX ix_notifications_user_id ON notifications (user_id, id);
