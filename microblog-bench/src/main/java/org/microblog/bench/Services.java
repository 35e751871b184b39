package org.microblog.bench;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.microblog.domain.post.Post;
import org.microblog.service.account.AccountService;
import org.microblog.service.block.BlockMade;
import org.microblog.service.block.BlockService;
import org.microblog.service.follow.FollowLinkWriter;
import org.microblog.service.follow.FollowService;
import org.microblog.service.follow.NewFollow;
import org.microblog.service.follow.SuggestionService;
import org.microblog.service.notification.NotificationService;
import org.microblog.service.post.PostService;
import org.microblog.service.schema.CurrentDatabase;
import org.microblog.service.schema.DatabaseVendor;
import org.microblog.service.search.SearchIndex;
import org.microblog.service.search.SearchService;
import org.microblog.service.timeline.PostsWithAuthors;
import org.microblog.service.timeline.SiteActivityReader;
import org.microblog.service.timeline.TimelineService;
import org.microblog.service.timeline.stored.FanOutService;
import org.microblog.service.timeline.stored.StoredTimelineReader;
import org.microblog.service.timeline.stored.StoredTimelineSettings;
import org.microblog.service.timeline.stored.StoredTimelineWriter;
import org.microblog.service.timeline.stored.TimelineBuildService;

/**
 * The application's real service classes outside the server, built through their constructors.
 *
 * <p>In the server a call to a {@code @Stateless} bean runs in a transaction-scoped persistence context; here
 * each call gets a fresh entity manager and the services built on it ({@link Call}), closed after it. The
 * application-scoped beans are built once, as the container does: the database, the site activity reader
 * with its ten-second reading, which reads through an entity manager of its own (it reads numbers, never
 * entities, and the tools call it outside any write), and the posts kept in memory ({@link PostsWithAuthors}).
 *
 * <p>The stored timelines' services ({@link Call#builds}, {@link Call#fanOuts}) run through {@link #transaction}, one
 * transaction per call as the worker runs them in the server.
 *
 * <p>Each service keeps the no-arg constructor and the annotated fields that the container uses, and has a second
 * constructor, taking its collaborators, for tools such as this (why: {@link TimelineService#TimelineService()}).
 */
final class Services implements AutoCloseable {

    private final EntityManagerFactory emf;
    private final CurrentDatabase database;
    private final EntityManager activityEntityManager;
    private final SiteActivityReader activity;
    private final StoredTimelineSettings stored;
    private final PostsWithAuthors postsWithAuthors = new PostsWithAuthors();

    Services(EntityManagerFactory emf, DatabaseVendor vendor, StoredTimelineSettings stored) {
        this.emf = emf;
        this.stored = stored;
        this.database = new CurrentDatabase(vendor);
        this.activityEntityManager = emf.createEntityManager();
        this.activity = new SiteActivityReader(activityEntityManager);
    }

    /**
     * The services one call uses, on that call's entity manager. The tools find users but never register, sign
     * in or change a password: the account service gets no password hashing (Jakarta Security's, which lives in
     * the server) and no remember-me tokens. Nor do they block anyone: a block would tell no observer.
     */
    final class Call {
        final EntityManager em;
        final FollowService follows;
        final PostService posts;
        final TimelineService timelines;
        final SuggestionService suggestions;
        final SearchService search;
        final TimelineBuildService builds;
        final FanOutService fanOuts;

        Call(EntityManager em) {
            this.em = em;
            AccountService accounts = new AccountService(em, null, null);
            FollowLinkWriter links = new FollowLinkWriter(em, accounts);
            BlockService blocks = new BlockService(em, accounts, links, new DirectEvent<BlockMade>(block -> {}));
            NotificationService notifications = new NotificationService(em);
            StoredTimelineWriter storedWrites = new StoredTimelineWriter(em, stored);
            // What the container's events do: the notification and the stored timeline's rows are written in the
            // follow's or the post's transaction.
            follows = new FollowService(em, links, blocks, new DirectEvent<NewFollow>(follow -> {
                notifications.onNewFollow(follow);
                storedWrites.followed(follow);
            }));
            posts = new PostService(
                    em, accounts, new SearchIndex(em, database), new DirectEvent<>(storedWrites::published));
            timelines = new TimelineService(
                    em, follows, database, activity, new StoredTimelineReader(em, stored), postsWithAuthors);
            suggestions = new SuggestionService(em);
            search = new SearchService(em, database, postsWithAuthors);
            builds = new TimelineBuildService(em, timelines, stored);
            fanOuts = new FanOutService(em, stored);
        }
    }

    /** The stored timelines' settings these services run with. */
    StoredTimelineSettings storedTimelineSettings() {
        return stored;
    }

    <T> T timelines(Function<TimelineService, T> call) {
        return entityManager(em -> call.apply(new Call(em).timelines));
    }

    /** A search, in a transaction as in the server (on PostgreSQL it sets its plan mode for the transaction). */
    <T> T search(Function<SearchService, T> call) {
        return entityManager(em -> {
            em.getTransaction().begin();
            try {
                return call.apply(new Call(em).search);
            } finally {
                em.getTransaction().rollback();
            }
        });
    }

    <T> T follows(Function<FollowService, T> call) {
        return entityManager(em -> call.apply(new Call(em).follows));
    }

    <T> T suggestions(Function<SuggestionService, T> call) {
        return entityManager(em -> call.apply(new Call(em).suggestions));
    }

    /** A write through the follow and post services, in a transaction of its own, committed at the end. */
    <T> T write(BiFunction<FollowService, PostService, T> call) {
        return transaction(services -> call.apply(services.follows, services.posts));
    }

    /**
     * The pull's first page of the home timeline, as {@link TimelineService#home(long, Optional, int)} read every
     * page before stored timelines: the reader's following count, the ids pulled ({@code count} of them, the page
     * and one more), then the posts with their authors, on one entity manager.
     */
    List<Post> pulledPage(long userId, int count) {
        return entityManager(em -> {
            Call services = new Call(em);
            long following = services.follows.followingCount(userId);
            return postsWithAuthors.load(em, services.timelines.pulledIds(userId, following, Optional.empty(), count));
        });
    }

    /** Whether the reader has a stored timeline ready, which home reads. */
    boolean hasStoredTimeline(long userId) {
        return entityManager(
                em -> new StoredTimelineReader(em, stored).floor(userId).isPresent());
    }

    /**
     * Any call on the services, in a transaction of its own, committed at the end, rolled back if it throws: as
     * the server runs each call of the stored timelines' worker (a claim, a chunk of a fan-out, a build).
     */
    <T> T transaction(Function<Call, T> call) {
        return entityManager(em -> {
            Call services = new Call(em);
            em.getTransaction().begin();
            try {
                T result = call.apply(services);
                em.getTransaction().commit();
                return result;
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
            }
        });
    }

    /** A fresh entity manager for one call, closed after it (also for the tutorial's query form, which the application does not use). */
    <T> T entityManager(Function<EntityManager, T> call) {
        EntityManager em = emf.createEntityManager();
        try {
            return call.apply(em);
        } finally {
            em.close();
        }
    }

    /** Closes the site activity reader's entity manager; the factory is the caller's. */
    @Override
    public void close() {
        activityEntityManager.close();
    }

    /** A CDI event that calls its one observer at once, as the container does for a synchronous observer. */
    private record DirectEvent<E>(Consumer<E> observer) implements Event<E> {
        @Override
        public void fire(E event) {
            observer.accept(event);
        }

        @Override
        public <U extends E> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends E> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<E> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends E> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends E> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
