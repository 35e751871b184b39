package org.microblog.service.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.microblog.domain.post.SearchWords;

/**
 * Derby's migration 21.1: the words of the posts written before search existed, into the word index that
 * db/vendor/derby/V21 made (new posts join it as they are published). In Java because SQL cannot cut a text into
 * words; one transaction, like every migration, so a failure leaves nothing half done. A database of a million posts
 * takes minutes once.
 */
public final class DerbySearchWordsOfExistingPosts implements JavaMigration {

    private static final int BATCH = 10_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("21.1");
    }

    @Override
    public String getDescription() {
        return "search words of existing posts";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (PreparedStatement read = c.prepareStatement("SELECT id, body, created_at, author_id FROM posts");
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO post_words (word, created_at, post_id, author_id) VALUES (?, ?, ?, ?)");
                ResultSet posts = read.executeQuery()) {
            int pending = 0;
            while (posts.next()) {
                for (String word : SearchWords.of(posts.getString(2))) {
                    insert.setString(1, word);
                    insert.setTimestamp(2, posts.getTimestamp(3));
                    insert.setLong(3, posts.getLong(1));
                    insert.setLong(4, posts.getLong(4));
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
