package org.microblog.service.search;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.domain.user.User;
import org.microblog.domain.user.User_;
import org.microblog.service.block.BlockPredicates;
import org.microblog.service.schema.CurrentDatabase;
import org.microblog.service.schema.DatabaseVendor;
import org.microblog.service.timeline.PostPage;
import org.microblog.service.timeline.PostsWithAuthors;

/**
 * Finds people by the start of their username and posts by their words, for a viewer (blocks apply both ways: a
 * person who blocks the viewer, or whom the viewer blocks, is not found, nor are their posts) or for a visitor.
 * Posts come newest first, paged by the timeline's cursor.
 *
 * <p>The posts' query is the database's own SQL (PostgreSQL's {@code @@} on the {@code tsvector} column, Derby's
 * word index), put together from fixed fragments; every value of the query, words included, is a bound parameter.
 */
@Stateless
public class SearchService {

    public static final int MAX_PAGE_SIZE = 100;

    /**
     * Derby: the words of a query are looked up in the index from the one with the fewest posts, counted up to this
     * many (a few index pages each); the others are checked for each post it finds.
     */
    static final int RARITY_PROBE = 1_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentDatabase database;

    @Inject
    PostsWithAuthors posts;

    /** For the container, which fills the fields above. */
    public SearchService() {}

    /** For tools outside the server (the benchmark): the collaborators the container would inject. */
    public SearchService(EntityManager em, CurrentDatabase database, PostsWithAuthors posts) {
        this.em = em;
        this.database = database;
        this.posts = posts;
    }

    /**
     * Up to {@code limit} people whose username starts with one of the query's terms, any case: for each term in
     * the order typed, in the order of their names (so an exact name comes first).
     */
    public List<User> people(Optional<Long> viewerId, SearchQuery query, int limit) {
        Map<Long, User> found = new LinkedHashMap<>();
        for (String prefix : query.usernamePrefixes()) {
            if (found.size() >= limit) {
                break;
            }
            for (User user : peopleStartingWith(viewerId, prefix, limit)) {
                if (found.size() < limit) {
                    found.putIfAbsent(user.getId(), user);
                }
            }
        }
        return List.copyOf(found.values());
    }

    private List<User> peopleStartingWith(Optional<Long> viewerId, String prefix, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<User> query = cb.createQuery(User.class);
        Root<User> user = query.from(User.class);
        List<Predicate> where = new ArrayList<>();
        where.add(cb.like(user.get(User_.usernameKey), escapeLike(prefix) + "%", '\\'));
        viewerId.ifPresent(viewer -> where.add(BlockPredicates.neitherBlocks(cb, query, user.get(User_.id), viewer)));
        query.select(user).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(user.get(User_.usernameKey)));
        return em.createQuery(query).setMaxResults(limit).getResultList();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The posts holding every word of the query, newest first; an empty page for a query without words. */
    public PostPage posts(Optional<Long> viewerId, SearchQuery query, Optional<TimelineCursor> after, int size) {
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        if (query.words().isEmpty()) {
            return PostPage.of(List.of(), pageSize);
        }
        List<Long> ids = database.is(DatabaseVendor.DERBY)
                ? derbyPostIds(viewerId, query.words(), after, pageSize + 1)
                : postgresqlPostIds(viewerId, query.words(), after, pageSize + 1);
        return PostPage.of(posts.load(em, ids), pageSize);
    }

    /**
     * PostgreSQL: the posts' own {@code tsvector} against the words. Planned for each query's values: PostgreSQL's
     * driver turns a statement run five times into a server-side one with a generic plan, made without knowing
     * whether a word is in a tenth of all posts (walk the posts newest first and test each) or in three (read them
     * from the GIN index and sort), and either choice is slow for the other kind.
     */
    private List<Long> postgresqlPostIds(
            Optional<Long> viewerId, List<String> words, Optional<TimelineCursor> after, int count) {
        em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
        Sql sql = new Sql("SELECT p.id FROM posts p WHERE p.body_words @@ plainto_tsquery('microblog_search', ?)");
        sql.bind(String.join(" ", words));
        after.ifPresent(cursor -> sql.olderThan("p", "p.id", cursor));
        viewerId.ifPresent(viewer -> sql.neitherBlocks("p.author_id", viewer));
        sql.append(" ORDER BY p.created_at DESC, p.id DESC FETCH FIRST " + count + " ROWS ONLY");
        return sql.ids(em);
    }

    /**
     * Derby: the word index's entries of the rarest word, newest first, each checked for the other words by one
     * probe of the same index.
     */
    private List<Long> derbyPostIds(
            Optional<Long> viewerId, List<String> words, Optional<TimelineCursor> after, int count) {
        List<String> rarestFirst = new ArrayList<>(words);
        if (words.size() > 1) { // one word has no rarer one to start from
            Map<String, Long> postsWith = new LinkedHashMap<>();
            for (String word : words) {
                postsWith.put(word, derbyPostsWith(word));
            }
            rarestFirst.sort(Comparator.comparing(postsWith::get));
        }
        Sql sql = new Sql("SELECT w.post_id FROM post_words w WHERE w.word = ?");
        sql.bind(rarestFirst.getFirst());
        for (String other : rarestFirst.subList(1, rarestFirst.size())) {
            sql.append(" AND EXISTS (SELECT 1 FROM post_words o WHERE o.word = ?"
                    + " AND o.created_at = w.created_at AND o.post_id = w.post_id)");
            sql.bind(other);
        }
        after.ifPresent(cursor -> sql.olderThan("w", "w.post_id", cursor));
        viewerId.ifPresent(viewer -> sql.neitherBlocks("w.author_id", viewer));
        sql.append(" ORDER BY w.created_at DESC, w.post_id DESC FETCH FIRST " + count + " ROWS ONLY");
        return sql.ids(em);
    }

    /** How many posts hold {@code word}, up to {@value #RARITY_PROBE}. */
    private long derbyPostsWith(String word) {
        Object count = em.createNativeQuery("SELECT COUNT(*) FROM (SELECT post_id FROM post_words WHERE word = ?1"
                        + " FETCH FIRST " + RARITY_PROBE + " ROWS ONLY) AS t")
                .setParameter(1, word)
                .getSingleResult();
        return ((Number) count).longValue();
    }

    /** A native query put together from fixed fragments, with its values bound in order. */
    private static final class Sql {
        private final StringBuilder text;
        private final List<Object> values = new ArrayList<>();

        Sql(String start) {
            text = new StringBuilder(start);
        }

        void append(String fragment) {
            text.append(fragment);
        }

        void bind(Object value) {
            values.add(value);
        }

        /**
         * (created_at, id) strictly before the cursor, with the plain {@code created_at <=} that starts an index
         * range. The time is bound as a {@link Timestamp} of the instant, as EclipseLink writes the posts' times:
         * the server runs in UTC (jvm.options), so the two agree.
         */
        void olderThan(String alias, String id, TimelineCursor cursor) {
            Timestamp at = Timestamp.from(cursor.timestamp());
            text.append(" AND %1$s.created_at <= ? AND (%1$s.created_at < ? OR (%1$s.created_at = ? AND %2$s < ?))"
                    .formatted(alias, id));
            values.addAll(List.of(at, at, at, cursor.postId()));
        }

        /** Neither the author blocks the viewer nor the viewer the author: two probes of the blocks' key. */
        void neitherBlocks(String authorId, long viewerId) {
            text.append(" AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = ? AND b.blocked_id = %1$s)"
                            .formatted(authorId))
                    .append(" AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = %1$s AND b.blocked_id = ?)"
                            .formatted(authorId));
            values.addAll(List.of(viewerId, viewerId));
        }

        List<Long> ids(EntityManager em) {
            StringBuilder numbered = new StringBuilder();
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                numbered.append(c);
                if (c == '?') {
                    numbered.append(++n);
                }
            }
            Query query = em.createNativeQuery(numbered.toString());
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
            List<?> rows = query.getResultList();
            return rows.stream().map(row -> ((Number) row).longValue()).toList();
        }
    }
}
