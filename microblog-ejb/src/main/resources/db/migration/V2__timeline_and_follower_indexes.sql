-- Indexes for the newest-first post lists and the follower counts.
-- Derby only walks an index forwards, so "newest first" needs the index declared descending.

-- A user's posts, newest first; the home timeline reads one range of it per followed user.
CREATE INDEX ix_posts_author_created ON posts (author_id, created_at DESC, id DESC);

-- All posts, newest first (explore).
CREATE INDEX ix_posts_created ON posts (created_at DESC, id DESC);

-- The reverse of the primary key: who follows a user, for follower counts and lists.
CREATE INDEX ix_followers_followed ON followers (followed_id, follower_id);
