package org.microblog.service.follow;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.microblog.domain.user.DismissedSuggestion;
import org.microblog.domain.user.DismissedSuggestion_;
import org.microblog.domain.user.Follow;
import org.microblog.domain.user.Follow_;
import org.microblog.domain.user.User;
import org.microblog.domain.user.User_;
import org.microblog.service.account.UserNotFoundException;
import org.microblog.service.block.BlockPredicates;

/**
 * "Who to follow": people followed by the people a user follows, ranked by how many of them follow each
 * one, then by how many followers they have in all; never the user, nor anyone the user follows already.
 *
 * <p><b>Why it looks at a sample.</b> Friends of friends, counted over all of them, is a join of the user's
 * followings with all of theirs: for a user who follows 1,000 people who follow 50 each, 50,000 rows read,
 * grouped and sorted on every home page, and far more when one of them follows thousands. That cannot be
 * answered in a few milliseconds. The service therefore bounds the work before it starts, in two queries:
 * <ol>
 *   <li>The {@value #RECENT_FOLLOWINGS} people the user followed most recently, with how many people each of
 *       them follows, read from the index {@code followers(follower_id, created_at DESC, followed_id)}
 *       (migration V11) and the users' primary key: the same cost whether the user follows 10 or 5,000.
 *   <li>From those, newest first, it keeps at most {@value #SAMPLE_SIZE} whose followings add up to at most
 *       {@value #ROW_BUDGET} (skipping anyone who alone follows more: a person who follows thousands says
 *       little about each of them). One query then reads whom these people follow, leaving out the user and
 *       everyone the user follows ({@code NOT EXISTS} on the followers primary key), from the index alone:
 *       at most {@value #ROW_BUDGET} rows, counted here per candidate.
 *   <li>The candidates' names and follower counts by primary key, {@value #USERS_PER_QUERY} a query, and
 *       the ranking here.
 * </ol>
 * For a user who follows a handful of ordinary people this is exact; for one who follows hundreds it ranks
 * what their most recent interests follow, which is what a suggestion should reflect anyway. The work is
 * the same whether the user follows 10 or 5,000 (docs/benchmarks.md, "Who to follow"). This service caches
 * nothing, so the {@code /who-to-follow} page is never stale; the home page's box of three is kept for a
 * couple of minutes per user by {@link HomeSuggestions}. The {@code IN} lists always have the same length (padded with an id no
 * user has) so that the database sees one statement and compiles it once.
 *
 * <p>Blocks, either way, are two more {@code NOT EXISTS} next to that one: the bound on the rows read stays the
 * same. After these come the most-followed people on the site, read down an index of the follower counts.
 */
@Stateless
public class SuggestionService {

    /** How many of the user's most recent followings are considered. */
    static final int RECENT_FOLLOWINGS = 40;
    /** How many of them at most are asked whom they follow. */
    static final int SAMPLE_SIZE = 20;
    /**
     * How many follow rows at most are read for the candidates: what a suggestion costs grows with it, since
     * each row is an index entry, a probe of the user's own follows and one of the users table.
     */
    static final int ROW_BUDGET = 300;

    public static final int MAX_PAGE_SIZE = 100;

    /** How many candidates' user rows one query reads. */
    static final int USERS_PER_QUERY = 100;

    private static final long NO_USER = -1;

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** For the container, which injects the entity manager above. */
    public SuggestionService() {}

    /** For tools outside the server (the benchmark): the entity manager the container would inject. */
    public SuggestionService(EntityManager em) {
        this.em = em;
    }

    /**
     * Suggestions for {@code userId}, best first, from {@code first} (0-based), at most {@code max}: the people
     * the user's followings follow, then the most-followed people on the site (for someone who follows nobody
     * yet, only those).
     */
    public List<Suggestion> suggest(long userId, int first, int max) {
        if (max < 1 || max > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Page size 1 to " + MAX_PAGE_SIZE + ", not " + max);
        }
        if (first < 0) {
            throw new IllegalArgumentException("First suggestion 0 or more, not " + first);
        }
        List<Sampled> sample = sample(userId);
        List<Suggestion> found = new ArrayList<>();
        if (!sample.isEmpty()) {
            rank(candidates(userId, sample), sample).forEach(candidate -> found.add(candidate.suggestion()));
        }
        if (found.size() < first + max) {
            Set<Long> already = new HashSet<>();
            found.forEach(suggestion -> already.add(suggestion.userId()));
            for (Suggestion popular : mostFollowed(userId, first + max)) {
                if (already.add(popular.userId())) {
                    found.add(popular);
                }
            }
        }
        int from = Math.min(first, found.size());
        return List.copyOf(found.subList(from, Math.min(found.size(), from + max)));
    }

    /**
     * The {@code count} most-followed people whom the user does not follow, has not blocked and is not blocked
     * by: a walk down the index {@code users(followers_count DESC, id)} (migration V13) that stops after
     * {@code count} rows pass the three primary-key probes.
     */
    private List<Suggestion> mostFollowed(long userId, int count) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<User> user = query.from(User.class);
        Path<Long> id = user.get(User_.id);
        Path<String> username = user.get(User_.username);
        Path<String> email = user.get(User_.email);
        Path<Long> followersCount = user.get(User_.followersCount);

        Subquery<Long> followedByUser = query.subquery(Long.class);
        Root<Follow> mine = followedByUser.from(Follow.class);
        followedByUser
                .select(mine.get(Follow_.followedId))
                .where(cb.equal(mine.get(Follow_.followerId), userId), cb.equal(mine.get(Follow_.followedId), id));

        query.multiselect(id, username, email, followersCount)
                .where(
                        cb.gt(followersCount, 0L),
                        cb.notEqual(id, userId),
                        cb.not(cb.exists(followedByUser)),
                        cb.not(cb.exists(dismissed(cb, query, userId, id))),
                        BlockPredicates.neitherBlocks(cb, query, id, userId))
                .orderBy(cb.desc(followersCount), cb.asc(id));
        return em.createQuery(query).setMaxResults(count).getResultList().stream()
                .map(row -> Suggestion.popular(row.get(id), row.get(username), row.get(email), row.get(followersCount)))
                .toList();
    }

    /**
     * Leaves {@code dismissedId} out of {@code userId}'s suggestions from now on (an app's "not interested"); they can
     * still be followed.
     *
     * @return whether they were not dismissed already
     * @throws UserNotFoundException if there is no user {@code dismissedId}
     */
    public boolean dismiss(long userId, long dismissedId) {
        if (em.find(User.class, dismissedId) == null) {
            throw new UserNotFoundException("#" + dismissedId);
        }
        if (userId == dismissedId
                || em.find(DismissedSuggestion.class, new DismissedSuggestion.Key(userId, dismissedId)) != null) {
            return false;
        }
        em.persist(new DismissedSuggestion(userId, dismissedId, clock.instant()));
        return true;
    }

    /** "{@code userId} dismissed the suggestion of {@code candidate}": one primary-key probe. */
    private static Subquery<Long> dismissed(
            CriteriaBuilder cb, AbstractQuery<?> query, long userId, Expression<Long> candidate) {
        Subquery<Long> subquery = query.subquery(Long.class);
        Root<DismissedSuggestion> dismissal = subquery.from(DismissedSuggestion.class);
        return subquery.select(dismissal.get(DismissedSuggestion_.dismissedId))
                .where(
                        cb.equal(dismissal.get(DismissedSuggestion_.userId), userId),
                        cb.equal(dismissal.get(DismissedSuggestion_.dismissedId), candidate));
    }

    /** One of the user's followings in the sample: who, and how recently followed (0 = most recent). */
    private record Sampled(long id, String username, int recency) {}

    private List<Sampled> sample(long userId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Follow> follow = query.from(Follow.class);
        Join<Follow, User> followed = follow.join(Follow_.followed);
        Path<Long> id = followed.get(User_.id);
        Path<String> username = followed.get(User_.username);
        Path<Long> followingCount = followed.get(User_.followingCount);
        query.multiselect(id, username, followingCount)
                .where(
                        cb.equal(follow.get(Follow_.followerId), userId),
                        cb.notEqual(follow.get(Follow_.followedId), userId))
                .orderBy(cb.desc(follow.get(Follow_.since)), cb.asc(follow.get(Follow_.followedId)));
        List<Tuple> recent =
                em.createQuery(query).setMaxResults(RECENT_FOLLOWINGS).getResultList();
        List<Sampled> sample = new ArrayList<>();
        long rows = 0;
        for (Tuple row : recent) {
            long theirs = row.get(followingCount);
            if (theirs > 0 && rows + theirs <= ROW_BUDGET) {
                rows += theirs;
                sample.add(new Sampled(row.get(id), row.get(username), sample.size()));
                if (sample.size() == SAMPLE_SIZE) {
                    break;
                }
            }
        }
        return sample;
    }

    /** One follow by a sampled person of someone the user does not follow: {follower id, candidate id}. */
    private List<long[]> candidates(long userId, List<Sampled> sample) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Follow> follow = query.from(Follow.class);
        ParameterExpression<Collection> sampled = cb.parameter(Collection.class, "sampled");

        Subquery<Long> followedByUser = query.subquery(Long.class);
        Root<Follow> mine = followedByUser.from(Follow.class);
        followedByUser
                .select(mine.get(Follow_.followedId))
                .where(
                        cb.equal(mine.get(Follow_.followerId), userId),
                        cb.equal(mine.get(Follow_.followedId), follow.get(Follow_.followedId)));

        Path<Long> follower = follow.get(Follow_.followerId);
        Path<Long> candidate = follow.get(Follow_.followedId);
        query.multiselect(follower, candidate)
                .where(
                        follower.in(sampled),
                        cb.notEqual(candidate, follower),
                        cb.notEqual(candidate, userId),
                        cb.not(cb.exists(followedByUser)),
                        cb.not(cb.exists(dismissed(cb, query, userId, candidate))),
                        BlockPredicates.neitherBlocks(cb, query, candidate, userId));
        List<Long> ids = new ArrayList<>(SAMPLE_SIZE);
        sample.forEach(s -> ids.add(s.id()));
        return em.createQuery(query).setParameter(sampled, padded(ids, SAMPLE_SIZE)).getResultList().stream()
                .map(row -> new long[] {row.get(follower), row.get(candidate)})
                .toList();
    }

    /**
     * The candidates' names, emails and follower counts, {@value #USERS_PER_QUERY} at a time. Not joined in
     * the query above: PostgreSQL then estimated thousands of rows and merge-joined the whole users table.
     */
    private void describe(Collection<Candidate> candidates) {
        List<Long> ids = candidates.stream().map(c -> c.id).toList();
        Map<Long, Candidate> byId = new HashMap<>();
        candidates.forEach(c -> byId.put(c.id, c));
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<User> user = query.from(User.class);
        ParameterExpression<Collection> wanted = cb.parameter(Collection.class, "wanted");
        Path<Long> id = user.get(User_.id);
        Path<String> username = user.get(User_.username);
        Path<String> email = user.get(User_.email);
        Path<Long> followersCount = user.get(User_.followersCount);
        query.multiselect(id, username, email, followersCount).where(id.in(wanted));
        for (int from = 0; from < ids.size(); from += USERS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + USERS_PER_QUERY));
            for (Tuple row : em.createQuery(query)
                    .setParameter(wanted, padded(chunk, USERS_PER_QUERY))
                    .getResultList()) {
                byId.get(row.get(id)).describe(row.get(username), row.get(email), row.get(followersCount));
            }
        }
    }

    /** The ids, then {@link #NO_USER} up to {@code size}: one statement for the database, whatever the count. */
    private static List<Long> padded(List<Long> ids, int size) {
        List<Long> padded = new ArrayList<>(size);
        padded.addAll(ids);
        while (padded.size() < size) {
            padded.add(NO_USER);
        }
        return padded;
    }

    /** A candidate and, of the sample, who follows them (the most recently followed first). */
    private static final class Candidate {
        final long id;
        String username;
        String email;
        long followersCount;
        Sampled firstFollower;
        int followedBy;

        Candidate(long id) {
            this.id = id;
        }

        void followedBy(Sampled follower) {
            followedBy++;
            if (firstFollower == null || follower.recency() < firstFollower.recency()) {
                firstFollower = follower;
            }
        }

        void describe(String username, String email, long followersCount) {
            this.username = username;
            this.email = email;
            this.followersCount = followersCount;
        }

        Suggestion suggestion() {
            return new Suggestion(id, username, email, followersCount, firstFollower.username(), followedBy - 1);
        }
    }

    private List<Candidate> rank(List<long[]> rows, List<Sampled> sample) {
        Map<Long, Sampled> byId = new HashMap<>();
        sample.forEach(s -> byId.put(s.id(), s));
        Map<Long, Candidate> candidates = new HashMap<>();
        for (long[] row : rows) {
            candidates.computeIfAbsent(row[1], Candidate::new).followedBy(byId.get(row[0]));
        }
        describe(candidates.values());
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.removeIf(c -> c.username == null); // a user who is gone meanwhile
        ranked.sort(Comparator.comparingInt((Candidate c) -> c.followedBy)
                .reversed()
                .thenComparing(Comparator.comparingLong((Candidate c) -> c.followersCount)
                        .reversed())
                .thenComparingLong(c -> c.id));
        return ranked;
    }
}
