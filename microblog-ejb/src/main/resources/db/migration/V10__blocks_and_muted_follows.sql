-- Blocks and muted follows (issue 12). Written in the SQL that Apache Derby and PostgreSQL share; it adds a
-- table, an index and a column, and changes no row.

-- Who blocked whom, and since when (org.microblog.domain.user.Block). A block forbids following in either
-- direction and hides the two people's posts from each other; BlockService removes their follow links when
-- it makes one. Every check the application makes names both users, so the primary key answers it either way
-- round; the reverse index serves "who blocked this user" and the foreign key to the blocked user (PostgreSQL
-- does not index a foreign key by itself).
CREATE TABLE blocks (
    blocker_id BIGINT    NOT NULL,
    blocked_id BIGINT    NOT NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_blocks PRIMARY KEY (blocker_id, blocked_id),
    CONSTRAINT fk_blocks_blocker FOREIGN KEY (blocker_id) REFERENCES users (id),
    CONSTRAINT fk_blocks_blocked FOREIGN KEY (blocked_id) REFERENCES users (id)
);

CREATE INDEX ix_blocks_blocked ON blocks (blocked_id, blocker_id);

-- A muted follow stays a follow (both counts keep it) but its posts stay off the follower's home timeline:
-- the timeline's one join from followers to posts skips muted links. A user's link to themself is never muted.
ALTER TABLE followers ADD COLUMN muted BOOLEAN DEFAULT FALSE NOT NULL;
