package org.microblog.service.post;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.microblog.domain.post.Post;
import org.microblog.domain.post.PostBody;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.account.UserNotFoundException;
import org.microblog.service.search.SearchIndex;

/** Publishing posts (found by search at once, and fanned out to the stored timelines: {@link PostPublished}), and deleting one's own. */
@Stateless
public class PostService {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    SearchIndex searchIndex;

    @Inject
    Event<PostPublished> published;

    /** For the container, which fills the fields above. */
    public PostService() {}

    /** For tools outside the server (the benchmark): the collaborators the container would inject. */
    public PostService(
            EntityManager em, AccountService accounts, SearchIndex searchIndex, Event<PostPublished> published) {
        this.em = em;
        this.accounts = accounts;
        this.searchIndex = searchIndex;
        this.published = published;
    }

    /**
     * Publishes {@code body} as {@code authorId}, now.
     *
     * @throws UserNotFoundException if the author does not exist
     */
    public Post publish(long authorId, @PostBody String body) {
        return publish(authorId, body, Instant.now(Clock.systemUTC()));
    }

    /** Publishes with a given time: for imports and tests that need a known order. */
    public Post publish(long authorId, @PostBody String body, Instant at) {
        User author = accounts.getById(authorId);
        // The author's row first, as a follow locks it before it reads the followed person's posts (for a stored
        // timeline): on Derby, the other order let a publish and a follow of its author wait for each other.
        countPosts(authorId, 1);
        Post post = new Post(author, body, at);
        em.persist(post);
        em.flush();
        searchIndex.add(post);
        published.fire(new PostPublished(post.getId(), authorId, post.getTimestamp()));
        return post;
    }

    /** The post with this id, whoever wrote it. */
    public Optional<Post> find(long postId) {
        return Optional.ofNullable(em.find(Post.class, postId));
    }

    /** How many posts the site has. */
    public long count() {
        return em.createQuery("SELECT COUNT(p) FROM Post p", Long.class).getSingleResult();
    }

    /**
     * One of the author's own posts.
     *
     * @throws PostNotFoundException if {@code authorId} has no post {@code postId}
     */
    public Post getOwn(long authorId, long postId) {
        Post post = em.find(Post.class, postId);
        if (post == null || !post.isBy(authorId)) {
            throw new PostNotFoundException();
        }
        return post;
    }

    /**
     * Deletes one of the author's own posts: it leaves every timeline and list at once (they are read from the posts
     * table).
     *
     * @return the post as it was, with its author
     * @throws PostNotFoundException if {@code authorId} has no post {@code postId} (already deleted, say)
     */
    public Post delete(long authorId, long postId) {
        Post post = getOwn(authorId, postId);
        post.getAuthor().getUsername(); // loaded while it can be: the caller describes the post it deleted
        em.remove(post);
        em.flush();
        countPosts(authorId, -1);
        return post;
    }

    /**
     * Changes the author's post count in the database itself, so that concurrent posts add up whoever holds the user
     * row. The column is not written through the entity (see {@code User.postsCount}).
     */
    private void countPosts(long authorId, int delta) {
        em.createNativeQuery("UPDATE users SET posts_count = posts_count + ?1 WHERE id = ?2")
                .setParameter(1, delta)
                .setParameter(2, authorId)
                .executeUpdate();
    }
}
