-- Usernames and emails unique whatever their case, enforced by the database: John, JOHN and john are one
-- name, and two registrations (or renames) racing for it cannot both succeed.
--
-- Each name gets a column the database computes itself, LOWER(username) and LOWER(email), with the unique
-- constraint on it. An index on LOWER(username) would do on PostgreSQL, but Apache Derby has no index on an
-- expression, and with the same columns on both the application has one query for both: it finds users by
-- these columns (User.usernameKey, User.emailKey), never writes them, and keeps the names as typed.
-- The Derby twin of this script is db/vendor/derby/V9__...: the two differ only in the word STORED, which
-- PostgreSQL needs and Derby does not know; change them together.
--
-- Existing names that differ only by case (possible before: two registrations racing past the check):
-- the oldest account (lowest id) keeps its name; every later one is renamed to its name followed by "-"
-- and its id (Bob, id 17, becomes Bob-17; cut short so that it stays within 64 characters). Nothing else
-- of the account changes: posts, follows, password, sessions and remember-me stay, and it signs in with
-- the new name. The renamed accounts are those whose username ends in '-' || id. Should a new name happen
-- to be taken already, the unique constraint below fails and the whole migration with it: nothing is
-- changed, and the application serves no page until a person has renamed one of the two.
--
-- Existing emails that differ only by case stop the migration the same way, on uq_users_email_key, and
-- nothing is changed (Flyway runs the script as one transaction, DDL included, on both databases). The
-- application has always stored emails lower-cased, so such a row was written by hand, and which address
-- belongs to whom is a person's decision. Find them with
--   SELECT LOWER(email), COUNT(*) FROM users GROUP BY LOWER(email) HAVING COUNT(*) > 1
-- change one of each pair, and the migration runs again at the application's next attempt (or start).

UPDATE users SET username =
    CASE WHEN LENGTH(username) + 1 + LENGTH(TRIM(CAST(id AS CHAR(20)))) <= 64
         THEN username || '-' || TRIM(CAST(id AS CHAR(20)))
         ELSE SUBSTR(username, 1, 64 - 1 - LENGTH(TRIM(CAST(id AS CHAR(20))))) || '-' || TRIM(CAST(id AS CHAR(20)))
    END
WHERE EXISTS (SELECT 1 FROM users older WHERE LOWER(older.username) = LOWER(users.username) AND older.id < users.id);

ALTER TABLE users ADD COLUMN username_key VARCHAR(64) GENERATED ALWAYS AS (LOWER(username)) STORED NOT NULL;
ALTER TABLE users ADD CONSTRAINT uq_users_username_key UNIQUE (username_key);
-- The case-sensitive constraint says less than the new one and would only cost a second index.
ALTER TABLE users DROP CONSTRAINT uq_users_username;

ALTER TABLE users ADD COLUMN email_key VARCHAR(120) GENERATED ALWAYS AS (LOWER(email)) STORED NOT NULL;
ALTER TABLE users ADD CONSTRAINT uq_users_email_key UNIQUE (email_key);
ALTER TABLE users DROP CONSTRAINT uq_users_email;
