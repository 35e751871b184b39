-- A post and an about-me hold 140 characters as people count them: Unicode code points, an emoji being one
-- (org.microblog.domain.text.TextRules). Derby's VARCHAR(n) counts UTF-16 units, in which an emoji outside the
-- Basic Multilingual Plane takes two, so VARCHAR(140) held only 70 emoji: the columns get room for 280 units.
-- PostgreSQL's VARCHAR(n) counts characters and held them already; it gets the same length, so that the schema
-- is one on both, and the application still refuses more than 140 characters.
-- Written in the SQL that Derby and PostgreSQL share. Widening a VARCHAR keeps every row as it is, and neither
-- column is in an index.
ALTER TABLE posts ALTER COLUMN body SET DATA TYPE VARCHAR(280);
ALTER TABLE users ALTER COLUMN about_me SET DATA TYPE VARCHAR(280);
