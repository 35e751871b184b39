-- Search (org.microblog.service.search.SearchService): posts by their words, people by the start of their name.
-- The Derby twin of this script is db/vendor/derby/V21__...: PostgreSQL uses its own full text engine, Derby a
-- table of words.
--
-- Words are cut by PostgreSQL's parser, lower-cased by the 'simple' dictionary (no stemming and no stop words:
-- posts are in many languages, and "the" is a word one may search for), and their accents taken off by the
-- unaccent dictionary first. unaccent ships with PostgreSQL (contrib) and is a trusted extension: the owner of the
-- database may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION microblog_search (COPY = pg_catalog.simple);
-- The dictionary is named with the schema the extension is in, which need not be on this schema's search path (an
-- extension is installed once per database; DatabaseMigrationsIT migrates schemas of its own beside the suite's).
DO $$
DECLARE
    dictionary_schema name;
BEGIN
    SELECT n.nspname INTO STRICT dictionary_schema
    FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace
    WHERE d.dictname = 'unaccent';
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION microblog_search '
        || 'ALTER MAPPING FOR word, hword, hword_part WITH %I.unaccent, simple', dictionary_schema);
END
$$;

-- Each post's words, computed by the database as a post is written (so a new post is found at once), under a
-- GIN index. to_tsvector with a named configuration is immutable, as a generated column needs. Adding it
-- rewrites the posts table once.
ALTER TABLE posts ADD COLUMN body_words tsvector
    GENERATED ALWAYS AS (to_tsvector('microblog_search'::regconfig, body)) STORED;
CREATE INDEX ix_posts_body_words ON posts USING gin (body_words);

-- A page of results is either a walk of all posts newest first, testing each (a common word: the page fills
-- at once), or the GIN index's few posts, sorted (a rare word: a walk would read the whole table). PostgreSQL
-- chooses from how many posts it expects a word in, and by default it samples too few rows to know a rare word
-- (it then guessed 10,000 posts for a word in 12, walked, and took a second). With the largest sample it keeps
-- up to 100,000 words' frequencies, and puts a word it never sampled below the rarest of them (measured:
-- docs/benchmarks.md, "Search").
ALTER TABLE posts ALTER COLUMN body_words SET STATISTICS 10000;
ANALYZE posts (body_words);

-- People by the start of their name: username_key LIKE 'prefix%'. The unique index on username_key serves that
-- only in the C collation; this one in any.
CREATE INDEX ix_users_username_key_prefix ON users (username_key varchar_pattern_ops);
