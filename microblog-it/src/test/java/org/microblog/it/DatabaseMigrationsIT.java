package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.service.schema.DatabaseMigrations;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrations the application runs at start-up, applied to databases of the test's own: Derby, and for the
 * migrations whose SQL differs by database also PostgreSQL when the suite runs on it (a schema of the test's
 * own in the suite's database).
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseMigrationsIT {

    @Test
    void migrationsBuildTheWholeSchemaInAnEmptyDatabase() throws SQLException {
        EmbeddedDataSource db = freshDatabase();

        DatabaseMigrations.configuration(db).load().migrate();

        Flyway flyway = DatabaseMigrations.configuration(db).load();
        assertEquals(latestVersion(flyway), flyway.info().current().getVersion());
        Set<String> tables = tables(db);
        assertTrue(
                tables.containsAll(Set.of("USERS", "POSTS", "FOLLOWERS", "REMEMBER_ME_TOKENS", "THROTTLES", "BLOCKS")),
                () -> "tables: " + tables);
        assertTrue(indexes(db, "POSTS").containsAll(Set.of("IX_POSTS_AUTHOR_CREATED", "IX_POSTS_CREATED_AUTHOR")));
        assertTrue(indexes(db, "FOLLOWERS").contains("IX_FOLLOWERS_FOLLOWED"));
        assertTrue(indexes(db, "REMEMBER_ME_TOKENS").contains("IX_REMEMBER_ME_TOKENS_USER"));
        assertTrue(indexes(db, "THROTTLES").contains("IX_THROTTLES_UPDATED"));
        assertTrue(indexes(db, "BLOCKS").contains("IX_BLOCKS_BLOCKED"));
    }

    @Test
    void existingFollowsStayUnmutedAndABlockIsOnePairOfExistingUsers() throws SQLException {
        EmbeddedDataSource db = freshDatabase();
        DatabaseMigrations.configuration(db).target("9").load().migrate();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (int id = 1; id <= 2; id++) {
                s.executeUpdate("INSERT INTO users (id, username, email, password_hash) VALUES (" + id + ", 'u" + id
                        + "', 'u" + id + "@x.org', 'h')");
                s.executeUpdate("INSERT INTO followers (follower_id, followed_id) VALUES (" + id + ", " + id + ")");
            }
            s.executeUpdate("INSERT INTO followers (follower_id, followed_id) VALUES (1, 2)");
        }

        DatabaseMigrations.configuration(db).load().migrate();

        assertEquals(3, count(db, "SELECT COUNT(*) FROM followers WHERE muted = FALSE"));
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO followers (follower_id, followed_id) VALUES (2, 1)");
            s.executeUpdate("INSERT INTO blocks (blocker_id, blocked_id) VALUES (1, 2)");
            assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate("INSERT INTO blocks (blocker_id, blocked_id) VALUES (1, 2)"));
            assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate("INSERT INTO blocks (blocker_id, blocked_id) VALUES (1, 99)"));
        }
        assertEquals(0, count(db, "SELECT COUNT(*) FROM followers WHERE muted = TRUE"), "a new link is not muted");
        assertEquals(1, count(db, "SELECT COUNT(*) FROM blocks WHERE created_at IS NOT NULL"));
    }

    @Test
    void migrationsKeepTheDataOfADatabaseMadeByAnEarlierVersion() throws SQLException {
        EmbeddedDataSource db = freshDatabase();
        DatabaseMigrations.configuration(db).target("1").load().migrate();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO users (id, username, email, password_hash) VALUES (1, 'john', 'j@x.org', 'h')");
            s.executeUpdate(
                    "INSERT INTO users (id, username, email, password_hash) VALUES (2, 'susan', 's@x.org', 'h')");
            s.executeUpdate("INSERT INTO followers (follower_id, followed_id) VALUES (1, 2)");
            s.executeUpdate("INSERT INTO posts (body, created_at, author_id) VALUES ('hi', CURRENT_TIMESTAMP, 2)");
        }

        DatabaseMigrations.configuration(db).load().migrate();
        DatabaseMigrations.configuration(db).load().migrate(); // a restart: nothing left to do

        assertEquals(2, count(db, "SELECT COUNT(*) FROM users"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM users WHERE username_key = 'john'"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM followers WHERE follower_id = 1 AND followed_id = 2"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM posts WHERE author_id = 2"));
        assertTrue(indexes(db, "POSTS").contains("IX_POSTS_CREATED_AUTHOR"));
    }

    @Test
    void followCountsAreFilledFromTheLinksThatExistAndUsersGetTheirSelfLink() throws SQLException {
        EmbeddedDataSource db = freshDatabase();
        DatabaseMigrations.configuration(db).target("2").load().migrate();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (int id = 1; id <= 3; id++) {
                s.executeUpdate("INSERT INTO users (id, username, email, password_hash) VALUES (" + id + ", 'u" + id
                        + "', 'u" + id + "@x.org', 'h')");
            }
            s.executeUpdate(
                    "INSERT INTO followers (follower_id, followed_id) VALUES (1, 1)"); // user 1 has its self-link
            s.executeUpdate("INSERT INTO followers (follower_id, followed_id) VALUES (1, 3)");
            s.executeUpdate("INSERT INTO followers (follower_id, followed_id) VALUES (2, 3)");
            s.executeUpdate("INSERT INTO followers (follower_id, followed_id) VALUES (3, 1)");
        }

        DatabaseMigrations.configuration(db).load().migrate();

        assertEquals(3, count(db, "SELECT COUNT(*) FROM followers WHERE follower_id = followed_id"));
        assertEquals(6, count(db, "SELECT COUNT(*) FROM followers"));
        assertEquals(1, count(db, "SELECT followers_count FROM users WHERE id = 1"));
        assertEquals(1, count(db, "SELECT following_count FROM users WHERE id = 1"));
        assertEquals(0, count(db, "SELECT followers_count FROM users WHERE id = 2"));
        assertEquals(1, count(db, "SELECT following_count FROM users WHERE id = 2"));
        assertEquals(2, count(db, "SELECT followers_count FROM users WHERE id = 3"));
        assertEquals(1, count(db, "SELECT following_count FROM users WHERE id = 3"));
    }

    @Test
    void existingUsersGetTheirPostCountAndTheirFirstPostsTimeAsTheirCreationTime() throws SQLException {
        EmbeddedDataSource db = freshDatabase();
        DatabaseMigrations.configuration(db).target("15").load().migrate();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (int id = 1; id <= 2; id++) {
                s.executeUpdate("INSERT INTO users (id, username, email, password_hash) VALUES (" + id + ", 'u" + id
                        + "', 'u" + id + "@x.org', 'h')");
            }
            s.executeUpdate("INSERT INTO posts (body, created_at, author_id) VALUES"
                    + " ('later', TIMESTAMP('2020-05-02 10:00:00'), 1),"
                    + " ('first', TIMESTAMP('2020-05-01 09:30:00'), 1)");
        }

        DatabaseMigrations.configuration(db).load().migrate();

        assertEquals(2, count(db, "SELECT posts_count FROM users WHERE id = 1"));
        assertEquals(0, count(db, "SELECT posts_count FROM users WHERE id = 2"));
        assertEquals(
                1,
                count(db, "SELECT COUNT(*) FROM users WHERE id = 1 AND created_at = TIMESTAMP('2020-05-01 09:30:00')"));
        assertEquals(
                1,
                count(db, "SELECT COUNT(*) FROM users WHERE id = 2 AND created_at > TIMESTAMP('2026-01-01 00:00:00')"));
    }

    @Test
    void existingUsersStartAtCredentialsVersionZeroAndTokensBelongToAUserWithAUniqueSelector() throws SQLException {
        EmbeddedDataSource db = freshDatabase();
        DatabaseMigrations.configuration(db).target("6").load().migrate();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO users (id, username, email, password_hash) VALUES (1, 'john', 'j@x.org', 'h')");
        }

        DatabaseMigrations.configuration(db).load().migrate();

        assertEquals(0, count(db, "SELECT credentials_version FROM users WHERE id = 1"));
        String token = "INSERT INTO remember_me_tokens (selector, validator_hash, user_id, created_at, expires_at)"
                + " VALUES ('%s', 'hash', %d, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(token.formatted("selector-1", 1));
            assertThrows(SQLException.class, () -> s.executeUpdate(token.formatted("selector-1", 1)));
            assertThrows(SQLException.class, () -> s.executeUpdate(token.formatted("selector-2", 99)));
            s.executeUpdate("INSERT INTO throttles (throttle_key, window_start, updated_at)"
                    + " VALUES ('sign-in-address:192.0.2.1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        assertEquals(1, count(db, "SELECT COUNT(*) FROM remember_me_tokens WHERE user_id = 1"));
        assertEquals(0, count(db, "SELECT attempts + failures FROM throttles"));
    }

    @Test
    void namesThatDifferOnlyByCaseKeepTheOldestAndTheOthersGetTheirIdAfterTheName() throws SQLException {
        String longName = "a".repeat(64);
        for (Scratch db : scratchDatabases()) {
            try (db) {
                db.flyway().target("7").load().migrate();
                execute(
                        db,
                        user(1, "John", "john@x.org"),
                        user(2, "john", "john.two@x.org"),
                        user(3, "JOHN", "john.three@x.org"),
                        user(4, "susan", "Susan@X.org"),
                        user(5, longName, "long@x.org"),
                        user(66, longName.toUpperCase(Locale.ROOT), "long.two@x.org"),
                        "INSERT INTO followers (follower_id, followed_id) VALUES (2, 1)",
                        "INSERT INTO posts (body, created_at, author_id) VALUES ('hi', CURRENT_TIMESTAMP, 3)");

                db.flyway().load().migrate();

                assertEquals(
                        List.of("John", "john-2", "JOHN-3", "susan", longName, "A".repeat(61) + "-66"),
                        usernames(db),
                        db.name());
                assertEquals(1, count(db, "SELECT COUNT(*) FROM followers WHERE follower_id = 2 AND followed_id = 1"));
                assertEquals(1, count(db, "SELECT COUNT(*) FROM posts WHERE author_id = 3"));
                assertEquals(1, count(db, "SELECT COUNT(*) FROM users WHERE username_key = 'john-2'"));
                assertEquals(1, count(db, "SELECT COUNT(*) FROM users WHERE email_key = 'susan@x.org'"));
                assertThrows(SQLException.class, () -> execute(db, user(7, "SUSAN", "other@x.org")), db.name());
                assertThrows(SQLException.class, () -> execute(db, user(8, "mary", "SUSAN@x.org")), db.name());
                assertThrows(
                        SQLException.class,
                        () -> execute(db, "UPDATE users SET username = 'john' WHERE id = 4"),
                        db.name());
                execute(db, user(9, "mary", "mary@x.org"));
                assertEquals(7, count(db, "SELECT COUNT(*) FROM users"), db.name());
            }
        }
    }

    @Test
    void emailsThatDifferOnlyByCaseStopTheMigrationWhichChangesNothingUntilAPersonDecides() throws SQLException {
        for (Scratch db : scratchDatabases()) {
            try (db) {
                db.flyway().target("8").load().migrate(); // the version before V9
                execute(db, user(1, "john", "john@x.org"), user(2, "John", "John@X.org"));

                assertThrows(FlywayException.class, () -> db.flyway().load().migrate(), db.name());

                assertEquals(
                        "8", db.flyway().load().info().current().getVersion().getVersion(), db.name());
                assertEquals(List.of("john", "John"), usernames(db), db.name());
                execute(db, "UPDATE users SET email = 'john.two@x.org' WHERE id = 2");
                db.flyway().load().migrate();
                assertEquals(List.of("john", "John-2"), usernames(db), db.name());
            }
        }
    }

    @Test
    void postsAndAboutMeHoldOneHundredFortyEmojiAndKeepWhatTheyHeld() throws SQLException {
        String emoji = "\uD83D\uDE00".repeat(140); // 140 characters, 280 UTF-16 units
        String insertPost = "INSERT INTO posts (id, body, created_at, author_id) VALUES (?, ?, CURRENT_TIMESTAMP, 1)";
        for (Scratch db : scratchDatabases()) {
            try (db) {
                db.flyway().target("7").load().migrate();
                execute(
                        db,
                        "INSERT INTO users (id, username, email, password_hash, about_me)"
                                + " VALUES (1, 'john', 'j@x.org', 'h', 'about john')",
                        "INSERT INTO posts (id, body, created_at, author_id) VALUES (1, 'hi', CURRENT_TIMESTAMP, 1)");
                if (db.name().equals("Derby")) {
                    assertThrows(
                            SQLException.class,
                            () -> update(db, insertPost, 2, emoji),
                            "Derby's VARCHAR(140) counts UTF-16 units: 70 emoji at most");
                }

                db.flyway().load().migrate();

                update(db, insertPost, 3, emoji);
                update(db, "UPDATE users SET about_me = ? WHERE id = ?", emoji, 1);
                assertEquals(List.of("hi", emoji), texts(db, "SELECT body FROM posts ORDER BY id"), db.name());
                assertEquals(List.of(emoji), texts(db, "SELECT about_me FROM users"), db.name());
            }
        }
    }

    @Test
    void postsWrittenBeforeSearchAreFoundByTheirWordsAfterIt() throws SQLException {
        for (Scratch db : scratchDatabases()) {
            try (db) {
                db.flyway().target("20").load().migrate(); // the version before search
                execute(
                        db,
                        user(1, "john", "j@x.org"),
                        "INSERT INTO posts (id, body, created_at, author_id) VALUES (1, 'Un CAFÉ au lait', CURRENT_TIMESTAMP, 1)",
                        "INSERT INTO posts (id, body, created_at, author_id) VALUES (2, 'tea, tea', CURRENT_TIMESTAMP, 1)");

                db.flyway().load().migrate();

                if (db.name().equals("Derby")) {
                    assertEquals(
                            List.of("au", "cafe", "lait", "un"),
                            texts(db, "SELECT word FROM post_words WHERE post_id = 1 ORDER BY word"));
                    assertEquals(List.of("tea"), texts(db, "SELECT word FROM post_words WHERE post_id = 2"));
                } else {
                    assertEquals(
                            List.of("1"),
                            texts(
                                    db,
                                    "SELECT CAST(id AS VARCHAR(20)) FROM posts"
                                            + " WHERE body_words @@ plainto_tsquery('microblog_search', 'cafe LAIT')"));
                }
            }
        }
    }

    @Test
    void rememberMeRowsReplacedUnderTheOldSchemeAreDeletedAndTheOthersGoOnAsSeries() throws SQLException {
        String token = "INSERT INTO remember_me_tokens (selector, validator_hash, user_id, created_at, expires_at,"
                + " replaced_at) VALUES ('%s', '%s', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, %s)";
        for (Scratch db : scratchDatabases()) {
            try (db) {
                db.flyway().target("14").load().migrate(); // the version before series
                execute(
                        db,
                        user(1, "john", "john@x.org"),
                        token.formatted("replaced", "a".repeat(64), "CURRENT_TIMESTAMP"),
                        token.formatted("its-replacement", "b".repeat(64), "NULL"),
                        token.formatted("other-device", "c".repeat(64), "NULL"));

                db.flyway().load().migrate();

                assertEquals(
                        List.of("its-replacement", "other-device"),
                        texts(db, "SELECT selector FROM remember_me_tokens ORDER BY selector"),
                        db.name());
                assertEquals(
                        List.of("b".repeat(64)),
                        texts(db, "SELECT validator_hash FROM remember_me_tokens WHERE selector = 'its-replacement'"),
                        db.name());
                assertEquals(
                        0,
                        count(
                                db,
                                "SELECT COUNT(*) FROM remember_me_tokens"
                                        + " WHERE previous_validator_hash IS NOT NULL OR rotated_at IS NOT NULL"),
                        "no series has been used since: " + db.name());
                execute(
                        db,
                        "UPDATE remember_me_tokens SET previous_validator_hash = validator_hash,"
                                + " validator_hash = '" + "d".repeat(64) + "', rotated_at = CURRENT_TIMESTAMP"
                                + " WHERE selector = 'other-device'");
                assertEquals(
                        1,
                        count(db, "SELECT COUNT(*) FROM remember_me_tokens WHERE rotated_at IS NOT NULL"),
                        db.name());
            }
        }
    }

    /**
     * A fresh database of the test's own on every database the suite runs on: always Derby (in memory), and
     * PostgreSQL, as a new schema in the suite's database, when the server uses it.
     */
    private static List<Scratch> scratchDatabases() {
        List<Scratch> databases = new ArrayList<>();
        databases.add(new Scratch("Derby", freshDatabase(), Optional.empty()));
        Config config = ConfigProvider.getConfig();
        Optional<String> url = config.getOptionalValue("microblog.datasource.url", String.class)
                .filter(u -> u.startsWith("jdbc:postgresql:"));
        if (url.isPresent()) {
            String schema = "migrations_" + UUID.randomUUID().toString().replace("-", "");
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url.get());
            config.getOptionalValue("microblog.datasource.user", String.class).ifPresent(pg::setUser);
            config.getOptionalValue("microblog.datasource.password", String.class)
                    .ifPresent(pg::setPassword);
            pg.setCurrentSchema(schema);
            databases.add(new Scratch("PostgreSQL", pg, Optional.of(schema)));
        }
        return databases;
    }

    /** A database for one test; PostgreSQL's schema is dropped at the end. */
    private record Scratch(String name, DataSource dataSource, Optional<String> schema) implements AutoCloseable {

        FluentConfiguration flyway() {
            FluentConfiguration flyway = DatabaseMigrations.configuration(dataSource);
            return schema.map(flyway::schemas).orElse(flyway);
        }

        @Override
        public void close() throws SQLException {
            if (schema.isPresent()) {
                execute(this, "DROP SCHEMA " + schema.get() + " CASCADE");
            }
        }
    }

    private static String user(long id, String username, String email) {
        return "INSERT INTO users (id, username, email, password_hash) VALUES (%d, '%s', '%s', 'h')"
                .formatted(id, username, email);
    }

    private static void execute(Scratch db, String... statements) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.executeUpdate(statement);
            }
        }
    }

    private static void update(Scratch db, String sql, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static List<String> texts(Scratch db, String sql) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                texts.add(rs.getString(1));
            }
        }
        return texts;
    }

    private static List<String> usernames(Scratch db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT username FROM users ORDER BY id")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long count(Scratch db, String sql) throws SQLException {
        return count(db.dataSource(), sql);
    }

    private static EmbeddedDataSource freshDatabase() {
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName("memory:migrations-" + UUID.randomUUID());
        db.setCreateDatabase("create");
        return db;
    }

    private static MigrationVersion latestVersion(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    private static Set<String> tables(EmbeddedDataSource db) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection c = db.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static Set<String> indexes(EmbeddedDataSource db, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection c = db.getConnection();
                ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    names.add(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
