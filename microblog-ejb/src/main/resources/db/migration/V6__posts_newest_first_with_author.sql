-- All posts newest first, with each post's author in the index entry itself. The home timeline of a user
-- who follows hundreds reads the newest posts of the whole site from this index alone and keeps those of
-- the people followed (see org.microblog.service.timeline.TimelineService); explore pages walk it too.
-- It serves every query ix_posts_created served, which it replaces.
-- Written in the SQL that Apache Derby and PostgreSQL share.

CREATE INDEX ix_posts_created_author ON posts (created_at DESC, id DESC, author_id);

DROP INDEX ix_posts_created;
