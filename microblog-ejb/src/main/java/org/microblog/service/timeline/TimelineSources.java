package org.microblog.service.timeline;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.Post_;
import org.microblog.domain.user.Follow;
import org.microblog.domain.user.Follow_;

/**
 * Which links of the {@code followers} table bring posts into a reader's home timeline, and how they meet the
 * posts: the one place that says it, in the two forms the {@link HomeTimelinePlan plans} are written in. A
 * muted link (MuteService) stays a follow but brings no posts: a predicate on the joined row, so the join stays
 * one join.
 */
final class TimelineSources {

    /**
     * In SQL, for the link {@code f} and the post {@code p}, the reader being parameter {@code ?1}. Each line
     * is a whole condition: Derby's optimizer overrides in the statements around it end their lines.
     */
    static final String SQL = """
            f.follower_id = ?1
              AND f.followed_id = p.author_id
              AND f.muted = FALSE
            """;

    private TimelineSources() {}

    /** As Criteria predicates, for the link {@code follow} and the post {@code post}. */
    static List<Predicate> of(CriteriaBuilder cb, Root<Follow> follow, Root<Post> post, long readerId) {
        return List.of(
                cb.equal(follow.get(Follow_.followerId), readerId),
                cb.equal(follow.get(Follow_.followedId), post.get(Post_.authorId)),
                cb.isFalse(follow.get(Follow_.muted)));
    }
}
