-- Follower and following counts kept on the user row, so that a profile's numbers are one primary-key
-- read even for a user with tens of thousands of followers (counting the followers table for such a
-- user reads every one of its index entries). FollowService keeps them right: it changes a count in the
-- same transaction as the link, with both users' rows locked.
-- Written in the SQL that Apache Derby and PostgreSQL share; it only adds columns and rows.

ALTER TABLE users ADD COLUMN followers_count BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE users ADD COLUMN following_count BIGINT DEFAULT 0 NOT NULL;

-- Every user holds a link to themself (see org.microblog.domain.user.User); users made before that rule
-- get theirs here, so that their own posts are on their home timeline.
INSERT INTO followers (follower_id, followed_id)
    SELECT u.id, u.id FROM users u
    WHERE NOT EXISTS (SELECT 1 FROM followers f WHERE f.follower_id = u.id AND f.followed_id = u.id);

-- The counts of the links that exist now, the self-links left out.
UPDATE users SET
    followers_count = (SELECT COUNT(*) FROM followers f WHERE f.followed_id = users.id AND f.follower_id <> users.id),
    following_count = (SELECT COUNT(*) FROM followers f WHERE f.follower_id = users.id AND f.followed_id <> users.id);
