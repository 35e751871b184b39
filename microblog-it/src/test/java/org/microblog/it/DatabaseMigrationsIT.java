package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.service.schema.DatabaseMigrations;

/** The migrations the application runs at start-up, applied to databases of the test's own. */
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
                tables.containsAll(Set.of("USERS", "POSTS", "FOLLOWERS", "REMEMBER_ME_TOKENS", "THROTTLES")),
                () -> "tables: " + tables);
        assertTrue(indexes(db, "POSTS").containsAll(Set.of("IX_POSTS_AUTHOR_CREATED", "IX_POSTS_CREATED_AUTHOR")));
        assertTrue(indexes(db, "FOLLOWERS").contains("IX_FOLLOWERS_FOLLOWED"));
        assertTrue(indexes(db, "REMEMBER_ME_TOKENS").contains("IX_REMEMBER_ME_TOKENS_USER"));
        assertTrue(indexes(db, "THROTTLES").contains("IX_THROTTLES_UPDATED"));
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

    private static long count(EmbeddedDataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
