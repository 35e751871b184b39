package org.microblog.service.timeline;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.Post_;

/**
 * The second step of a list found as post ids first (the home timeline, search): the posts themselves with their
 * authors, in one query. They are for showing: not managed, and changing them saves nothing.
 */
public final class PostsWithAuthors {

    /**
     * EclipseLink's query hint (QueryHints.READ_ONLY), named here so that the module needs only the JPA API. The posts
     * and authors are only shown: read-only, EclipseLink neither registers them in the transaction nor copies them to
     * compare at commit.
     */
    private static final String READ_ONLY = "eclipselink.read-only";

    private PostsWithAuthors() {}

    /** The posts with these ids and their authors, in the order of the ids (a deleted one is left out). */
    public static List<Post> load(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Post> query = cb.createQuery(Post.class);
        Root<Post> post = query.from(Post.class);
        post.fetch(Post_.author);
        query.select(post).where(post.get(Post_.id).in(ids));
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        List<Post> posts =
                new ArrayList<>(em.createQuery(query).setHint(READ_ONLY, "true").getResultList());
        posts.sort(Comparator.comparing(p -> position.get(p.getId())));
        return posts;
    }
}
