package org.microblog.service.timeline;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.Post_;
import org.microblog.domain.post.TimelineCursor;
import org.microblog.service.block.BlockPredicates;
import org.microblog.service.follow.FollowService;
import org.microblog.service.schema.CurrentDatabase;
import org.microblog.service.schema.DatabaseVendor;
import org.microblog.service.timeline.stored.StoredTimelineReader;

/**
 * Newest-first lists of posts, paged by cursor: the home timeline, one user's posts and all posts.
 *
 * <p>A home timeline page is found as post ids, then loaded with the authors in one more query. The ids
 * come from joining the followers table, which holds every user's link to themself, to the posts of the
 * followed users: each post once, own posts included, without an OR. The join reads one {@link TimelineWindow}
 * of time after another, newest first, until the page is full; each window is read with the {@link
 * HomeTimelinePlan} that costs the database least ({@link #planFor}): this is the pull. A reader who follows many
 * has a stored timeline as well ({@code service.timeline.stored}): its pages are read from it down to its floor, and
 * pulled below it.
 */
@Stateless
public class TimelineService {

    public static final int MAX_PAGE_SIZE = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    FollowService follows;

    @Inject
    CurrentDatabase database;

    @Inject
    SiteActivityReader activity;

    @Inject
    StoredTimelineReader stored;

    @Inject
    PostsWithAuthors posts;

    /**
     * For the container, which fills the fields above. Every service is built so: the persistence context can only
     * be injected into a field, never into a constructor, and an EJB needs a public no-arg constructor anyway, so
     * constructor injection would spare no field; a second constructor, taking the collaborators, serves the tools
     * that run the services outside the server.
     */
    public TimelineService() {}

    /** For tools outside the server (the benchmark): the collaborators the container would inject. */
    public TimelineService(
            EntityManager em,
            FollowService follows,
            CurrentDatabase database,
            SiteActivityReader activity,
            StoredTimelineReader stored,
            PostsWithAuthors posts) {
        this.em = em;
        this.follows = follows;
        this.database = database;
        this.activity = activity;
        this.stored = stored;
        this.posts = posts;
    }

    /** Posts by {@code userId} and everyone they follow, newest first. */
    public PostPage home(long userId, Optional<TimelineCursor> after, int size) {
        return home(userId, follows.followingCount(userId), after, size);
    }

    /**
     * {@link #home(long, Optional, int)} for a caller that has just read the reader's row and knows how many people
     * they follow ({@code followingCount}, which only chooses the plan): one statement less.
     */
    public PostPage home(long userId, long followingCount, Optional<TimelineCursor> after, int size) {
        int pageSize = pageSize(size);
        return PostPage.of(load(homeIds(userId, followingCount, after, pageSize + 1)), pageSize);
    }

    /**
     * Up to {@code count} ids of the home timeline's posts after the cursor, newest first: from the reader's stored
     * timeline down to its floor if they have one ready, and pulled below it (or all pulled without one).
     */
    private List<Long> homeIds(long userId, long followingCount, Optional<TimelineCursor> after, int count) {
        StoredTimelineReader.Entries entries = stored.entries(userId, after, count);
        if (entries.postIds().size() == count) {
            return entries.postIds();
        }
        List<Long> ids = new ArrayList<>(count);
        ids.addAll(entries.postIds());
        ids.addAll(pulledIds(userId, followingCount, entries.pullBelow(), count - ids.size()));
        return ids;
    }

    /**
     * The pull: up to {@code count} ids of the posts by {@code userId} and the {@code followingCount} people they
     * follow after the cursor, newest first, read from the posts themselves. Stored timelines are built from it.
     */
    public List<Long> pulledIds(long userId, long followingCount, Optional<TimelineCursor> after, int count) {
        long authors = followingCount + 1; // and the reader's own posts
        SiteActivity site = activity.current();
        return idsInWindows(site, authors, after, count, (window, missing) -> planFor(site, window, authors, missing)
                .postIds(userId, window, missing));
    }

    /** How a list finds the ids of its posts in one window, newest first. */
    @FunctionalInterface
    private interface WindowQuery {
        List<Long> postIds(TimelineWindow window, int count);
    }

    /**
     * Up to {@code wanted} ids of a list that draws on {@code authors} users' posts on the {@code site}, read one
     * {@link TimelineWindow} after another, newest first, until there are {@code wanted} or a window has no bound.
     */
    private static List<Long> idsInWindows(
            SiteActivity site, long authors, Optional<TimelineCursor> after, int wanted, WindowQuery query) {
        TimelineWindow window = TimelineWindow.first(site, authors, wanted, after, Instant.now());
        List<Long> ids = new ArrayList<>(wanted);
        while (true) {
            List<Long> found = query.postIds(window, wanted - ids.size());
            ids.addAll(found);
            if (ids.size() == wanted || !window.isBounded()) {
                return ids;
            }
            window = window.older(found.size(), wanted - ids.size(), site);
        }
    }

    /**
     * The portable join, planned by PostgreSQL for each run's values; on Derby prepared, or the hash join
     * where it reads less (see {@link DerbyHashJoin#pays}).
     */
    private HomeTimelinePlan planFor(SiteActivity site, TimelineWindow window, long authors, int count) {
        if (!database.is(DatabaseVendor.DERBY)) {
            return FollowedAuthorsJoin.plannedForItsValues(em);
        }
        if (DerbyHashJoin.pays(site, window, authors, count)) {
            return new DerbyHashJoin(em);
        }
        return FollowedAuthorsJoin.prepared(em);
    }

    /** The posts with these ids and their authors, in the order of the ids. */
    private List<Post> load(List<Long> ids) {
        return posts.load(em, ids);
    }

    /** The posts of one user, newest first. */
    public PostPage byAuthor(long authorId, Optional<TimelineCursor> after, int size) {
        return page(after, size, (cb, query, post) -> List.of(cb.equal(post.get(Post_.authorId), authorId)));
    }

    /** The posts of one user as {@code viewerId} sees them: none if either of the two blocks the other. */
    public PostPage byAuthor(long authorId, long viewerId, Optional<TimelineCursor> after, int size) {
        return page(
                after,
                size,
                (cb, query, post) -> List.of(
                        cb.equal(post.get(Post_.authorId), authorId),
                        BlockPredicates.neitherBlocks(cb, query, post.get(Post_.authorId), viewerId)));
    }

    /** Every post on the site, newest first. */
    public PostPage explore(Optional<TimelineCursor> after, int size) {
        return acrossTheSite(after, size, (cb, query, post) -> List.of());
    }

    /** Every post on the site as {@code viewerId} sees it: without those of people they block or who block them. */
    public PostPage explore(long viewerId, Optional<TimelineCursor> after, int size) {
        return acrossTheSite(
                after,
                size,
                (cb, query, post) ->
                        List.of(BlockPredicates.neitherBlocks(cb, query, post.get(Post_.authorId), viewerId)));
    }

    /** How far back {@link #homeNewer} reads: an app that was away longer gets the newest this many. */
    public static final int HOME_NEWER_REACH = 200;

    /**
     * Posts of {@code userId}'s home timeline newer than {@code since}, as {@link #byAuthorNewer} takes them. Read as
     * the home timeline's own pages from the newest, at most {@value #HOME_NEWER_REACH} posts back: the home
     * timeline's plans read newest first only, and an app asking for newer posts is rarely far behind.
     */
    public List<Post> homeNewer(long userId, TimelineCursor since, int size, boolean adjacent) {
        List<Post> newer = new ArrayList<>();
        Optional<TimelineCursor> after = Optional.empty();
        while (newer.size() < HOME_NEWER_REACH) {
            PostPage page = home(userId, after, MAX_PAGE_SIZE);
            for (Post post : page.posts()) {
                if (!TimelineCursor.after(post).isAfter(since)) {
                    return window(newer, size, adjacent);
                }
                newer.add(post);
            }
            if (!page.hasNext()) {
                break;
            }
            after = page.next();
        }
        return window(newer, size, adjacent);
    }

    /** Of posts newest first, the {@code size} newest, or with {@code adjacent} the {@code size} oldest. */
    private static List<Post> window(List<Post> newestFirst, int size, boolean adjacent) {
        int count = Math.min(pageSize(size), newestFirst.size());
        return adjacent
                ? newestFirst.subList(newestFirst.size() - count, newestFirst.size())
                : newestFirst.subList(0, count);
    }

    /**
     * Posts of one user newer than {@code since}, newest first: the {@code size} newest of them, or with {@code
     * adjacent} the {@code size} right after {@code since} (an app's since_id and min_id).
     */
    public List<Post> byAuthorNewer(long authorId, TimelineCursor since, int size, boolean adjacent) {
        return newer(since, size, adjacent, (cb, query, post) -> List.of(cb.equal(post.get(Post_.authorId), authorId)));
    }

    /** Posts of the whole site newer than {@code since}, as {@link #byAuthorNewer} takes them. */
    public List<Post> exploreNewer(TimelineCursor since, int size, boolean adjacent) {
        return newer(since, size, adjacent, (cb, query, post) -> List.of());
    }

    /**
     * Every post on the site that {@code source} keeps, newest first: the home timeline of a reader who follows
     * everyone, in time windows too. The window's lower bound is what makes Derby read {@code posts(created_at
     * DESC, id DESC, author_id)} in order and stop at the page: without it, and with the block conditions,
     * Derby read every post of the site by author and sorted them (docs/benchmarks.md, "The timeline: figures
     * behind the plan").
     */
    private PostPage acrossTheSite(Optional<TimelineCursor> after, int size, Source source) {
        SiteActivity site = activity.current();
        int pageSize = pageSize(size);
        List<Long> ids = idsInWindows(
                site, site.users(), after, pageSize + 1, (window, count) -> postIds(source, window, count));
        return PostPage.of(load(ids), pageSize);
    }

    /** Up to {@code count} ids of the posts that {@code source} keeps in {@code window}, newest first. */
    private List<Long> postIds(Source source, TimelineWindow window, int count) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Post> post = query.from(Post.class);
        List<Predicate> where = new ArrayList<>(source.restrict(cb, query, post));
        window.notBefore().ifPresent(bound -> where.add(cb.greaterThanOrEqualTo(post.get(Post_.timestamp), bound)));
        window.after().ifPresent(cursor -> where.add(olderThan(cb, post, cursor)));
        query.select(post.get(Post_.id))
                .where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(post.get(Post_.timestamp)), cb.desc(post.get(Post_.id)));
        return em.createQuery(query).setMaxResults(count).getResultList();
    }

    /** Which posts a list holds, as predicates on the post. */
    @FunctionalInterface
    private interface Source {
        List<Predicate> restrict(CriteriaBuilder cb, CriteriaQuery<?> query, Root<Post> post);
    }

    /** A page of posts with their authors, newest first: up to {@code pageSize + 1} rows, the extra one only tells that there is a next page. */
    private PostPage page(Optional<TimelineCursor> after, int size, Source source) {
        int pageSize = pageSize(size);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Post> query = cb.createQuery(Post.class);
        Root<Post> post = query.from(Post.class);
        post.fetch(Post_.author);
        List<Predicate> where = new ArrayList<>(source.restrict(cb, query, post));
        after.ifPresent(cursor -> where.add(olderThan(cb, post, cursor)));
        query.select(post)
                .where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(post.get(Post_.timestamp)), cb.desc(post.get(Post_.id)));
        return PostPage.of(em.createQuery(query).setMaxResults(pageSize + 1).getResultList(), pageSize);
    }

    /** Posts that {@code source} keeps newer than {@code since}, newest first (see {@link #byAuthorNewer}). */
    private List<Post> newer(TimelineCursor since, int size, boolean adjacent, Source source) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Post> query = cb.createQuery(Post.class);
        Root<Post> post = query.from(Post.class);
        post.fetch(Post_.author);
        List<Predicate> where = new ArrayList<>(source.restrict(cb, query, post));
        where.add(newerThan(cb, post, since));
        Path<Instant> timestamp = post.get(Post_.timestamp);
        Path<Long> id = post.get(Post_.id);
        query.select(post)
                .where(where.toArray(Predicate[]::new))
                .orderBy(adjacent ? List.of(cb.asc(timestamp), cb.asc(id)) : List.of(cb.desc(timestamp), cb.desc(id)));
        List<Post> found = em.createQuery(query).setMaxResults(pageSize(size)).getResultList();
        return adjacent ? found.reversed() : found;
    }

    private static int pageSize(int size) {
        return Math.clamp(size, 1, MAX_PAGE_SIZE);
    }

    /**
     * (timestamp, id) strictly before the cursor: the keyset condition for the next page. The plain
     * {@code timestamp <= cursor} it implies is stated too, since databases start an index range from a
     * simple comparison but not from an OR.
     */
    static Predicate olderThan(CriteriaBuilder cb, Root<Post> post, TimelineCursor cursor) {
        Path<Instant> timestamp = post.get(Post_.timestamp);
        return cb.and(
                cb.lessThanOrEqualTo(timestamp, cursor.timestamp()),
                cb.or(
                        cb.lessThan(timestamp, cursor.timestamp()),
                        cb.and(
                                cb.equal(timestamp, cursor.timestamp()),
                                cb.lessThan(post.get(Post_.id), cursor.postId()))));
    }

    /** (timestamp, id) strictly after the cursor: {@link #olderThan}'s mirror. */
    static Predicate newerThan(CriteriaBuilder cb, Root<Post> post, TimelineCursor cursor) {
        Path<Instant> timestamp = post.get(Post_.timestamp);
        return cb.and(
                cb.greaterThanOrEqualTo(timestamp, cursor.timestamp()),
                cb.or(
                        cb.greaterThan(timestamp, cursor.timestamp()),
                        cb.and(
                                cb.equal(timestamp, cursor.timestamp()),
                                cb.greaterThan(post.get(Post_.id), cursor.postId()))));
    }
}
