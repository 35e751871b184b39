package org.microblog.service.timeline;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/**
 * <b>Derby only</b>: the home timeline's join as a hash join, in Derby's SQL with its optimizer overrides.
 * It reads the newest posts of the whole site from {@code posts(created_at DESC, id DESC, author_id)}, keeps
 * those whose author is in a hash table of the reader's followed users, and stops when the page is full.
 * PostgreSQL chooses this plan by itself; Derby's optimizer never does, since it does not see that the scan
 * stops at a page.
 *
 * <p>{@link #pays} decides between it and {@link FollowedAuthorsJoin}'s loop over the followed users from
 * what the database knows: the loop costs one index range per followed user; the hash join reads, until the
 * page is full, about as many of the site's posts as the page needs times the share of the site's users that
 * the reader follows (or the whole window, if that is fewer). So the crossing point is not a constant: it grows
 * with the square root of the number of users (docs/benchmarks.md, "The timeline: figures behind the plan").
 */
final class DerbyHashJoin implements HomeTimelinePlan {

    /**
     * What one followed user's index range costs Derby in the loop, in posts read by the hash join. Both are reads
     * of B-tree pages in memory, so their ratio does not move with the size of the site; the two costs it comes
     * from are in docs/benchmarks.md, "The timeline: figures behind the plan".
     */
    static final double RANGE_COST_IN_POST_READS = 13;

    private final EntityManager em;

    DerbyHashJoin(EntityManager em) {
        this.em = em;
    }

    /** Whether this plan reads less than the loop over {@code authors} followed users for {@code count} posts. */
    static boolean pays(SiteActivity site, TimelineWindow window, long authors, int count) {
        double untilFull = (double) count * site.users() / Math.max(authors, 1);
        double inWindow =
                window.isBounded() ? site.postsPerSecond() * window.length().toSeconds() : site.posts();
        return Math.min(untilFull, inWindow) < RANGE_COST_IN_POST_READS * authors;
    }

    /**
     * The overrides fix the join order (posts first), the index (newest first, with the author, so that no table
     * row is read) and the join strategy (the user's followings in a hash table). The rows then come in index
     * order, so no sort is needed and Derby stops reading when the page is full. Each override must end its
     * line.
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<Long> postIds(long userId, TimelineWindow window, int count) {
        String sql = """
                SELECT p.id FROM --DERBY-PROPERTIES joinOrder=FIXED
                  posts p --DERBY-PROPERTIES index=IX_POSTS_CREATED_AUTHOR
                  , followers f --DERBY-PROPERTIES joinStrategy=HASH
                WHERE
                """
                + TimelineSources.SQL
                + (window.isBounded() ? "  AND p.created_at >= ?2\n" : "")
                + (window.after().isPresent()
                        ? "  AND p.created_at <= ?3 AND (p.created_at < ?3 OR (p.created_at = ?3 AND p.id < ?4))\n"
                        : "")
                + "ORDER BY p.created_at DESC, p.id DESC FETCH FIRST ?5 ROWS ONLY";
        Query query = em.createNativeQuery(sql).setParameter(1, userId).setParameter(5, count);
        window.notBefore().ifPresent(bound -> query.setParameter(2, bound));
        window.after()
                .ifPresent(cursor -> query.setParameter(3, cursor.timestamp()).setParameter(4, cursor.postId()));
        return ((List<Number>) query.getResultList())
                .stream().map(Number::longValue).toList();
    }
}
