package org.microblog.service.search;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.SearchWords;
import org.microblog.service.schema.CurrentDatabase;
import org.microblog.service.schema.DatabaseVendor;

/**
 * Puts a new post's words into the embedded database's word index, in the transaction that publishes it, so that
 * a search finds it at once. PostgreSQL needs nothing: it computes the post's {@code tsvector} itself. A deleted
 * post's words go with it (the table's foreign key deletes them).
 */
@Stateless
public class SearchIndex {

    /** Derby wants a type for a parameter in a VALUES list; the longest word ({@link SearchWords}) fits. */
    private static final String WORD = "CAST(?%d AS VARCHAR(80))";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentDatabase database;

    /** For the container, which fills the fields above. */
    public SearchIndex() {}

    /** For tools outside the server (the benchmark): the collaborators the container would inject. */
    public SearchIndex(EntityManager em, CurrentDatabase database) {
        this.em = em;
        this.database = database;
    }

    /** Indexes a post that is already written (flushed) in this transaction. */
    public void add(Post post) {
        if (!database.is(DatabaseVendor.DERBY)) {
            return;
        }
        List<String> words = SearchWords.of(post.getBody());
        if (words.isEmpty()) {
            return;
        }
        // One statement for all the words; the time and author are copied from the post's own row.
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= words.size(); i++) {
            values.append(i > 1 ? ", (" : "(").append(WORD.formatted(i)).append(')');
        }
        Query insert = em.createNativeQuery("INSERT INTO post_words (word, created_at, post_id, author_id)"
                + " SELECT w.word, p.created_at, p.id, p.author_id FROM posts p, (VALUES " + values
                + ") AS w (word) WHERE p.id = ?" + (words.size() + 1));
        for (int i = 0; i < words.size(); i++) {
            insert.setParameter(i + 1, words.get(i));
        }
        insert.setParameter(words.size() + 1, post.getId()).executeUpdate();
    }
}
