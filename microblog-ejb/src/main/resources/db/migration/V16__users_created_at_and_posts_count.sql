-- When each user joined and how many posts they have, kept on the user row: an app's account (the client API) and
-- a profile show both, and counting a prolific user's posts would read every one of their index entries.
-- PostService keeps the count right: it changes it in the same transaction as the post, with one UPDATE that adds
-- or subtracts one, so concurrent posts of one user cannot lose a count.
-- Written in the SQL that Apache Derby and PostgreSQL share; it only adds columns.

ALTER TABLE users ADD COLUMN created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL;
ALTER TABLE users ADD COLUMN posts_count BIGINT DEFAULT 0 NOT NULL;

-- Users made before this migration: their posts counted, and as their creation time their first post's if they
-- have one (the best that is known), else the time of this migration.
UPDATE users SET posts_count = (SELECT COUNT(*) FROM posts p WHERE p.author_id = users.id);
UPDATE users SET created_at = (SELECT MIN(p.created_at) FROM posts p WHERE p.author_id = users.id)
    WHERE posts_count > 0;
