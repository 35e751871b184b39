-- Search (org.microblog.service.search.SearchService): posts by their words, people by the start of their name.
-- The PostgreSQL twin of this script is db/vendor/postgresql/V21__...: PostgreSQL uses its own full text engine;
-- Derby has none, so it gets a word index of its own.
--
-- One row per distinct word of a post (org.microblog.domain.post.SearchWords: lower-cased, accents taken off, at
-- most 40 characters), with the post's time and author, written by SearchIndex in the transaction that publishes
-- the post and deleted with it (the foreign key). The index lists a word's posts newest first, so a page of
-- results is a walk from its start (or from the page's cursor); the author is in the entry for the block checks,
-- and a second word of a query is one probe of the same index per post. The posts already there are indexed by
-- the migration after this one (org.microblog.service.schema.DerbySearchWordsOfExistingPosts, 21.1).
CREATE TABLE post_words (
    word       VARCHAR(80) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    post_id    BIGINT      NOT NULL,
    author_id  BIGINT      NOT NULL,
    CONSTRAINT fk_post_words_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_post_words ON post_words (word, created_at DESC, post_id DESC, author_id);

-- People by the start of their name (username_key LIKE 'prefix%') use the unique index on username_key as it is.
