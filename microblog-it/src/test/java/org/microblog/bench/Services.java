package org.microblog.bench;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.microblog.service.account.AccountService;
import org.microblog.service.block.BlockService;
import org.microblog.service.follow.FollowLinks;
import org.microblog.service.follow.FollowService;
import org.microblog.service.follow.NewFollow;
import org.microblog.service.notification.NotificationService;
import org.microblog.service.post.PostService;
import org.microblog.service.schema.CurrentDatabase;
import org.microblog.service.schema.DatabaseVendor;
import org.microblog.service.timeline.SiteActivityReader;
import org.microblog.service.timeline.TimelineService;

/**
 * The application's real service classes outside the server. Each call gets a fresh entity manager, as a
 * call to a {@code @Stateless} bean gets a fresh transaction-scoped persistence context in the server,
 * injected into the same package-private fields the container fills.
 */
final class Services {

    private static final Field TIMELINE_EM = field(TimelineService.class, "em");
    private static final Field TIMELINE_FOLLOWS = field(TimelineService.class, "follows");
    private static final Field TIMELINE_DATABASE = field(TimelineService.class, "database");
    private static final Field TIMELINE_ACTIVITY = field(TimelineService.class, "activity");
    private static final Field ACTIVITY_EM = field(SiteActivityReader.class, "em");
    private static final Field FOLLOW_EM = field(FollowService.class, "em");
    private static final Field FOLLOW_LINKS = field(FollowService.class, "links");
    private static final Field FOLLOW_BLOCKS = field(FollowService.class, "blocks");
    private static final Field FOLLOW_EVENTS = field(FollowService.class, "newFollows");
    private static final Field LINKS_EM = field(FollowLinks.class, "em");
    private static final Field LINKS_ACCOUNTS = field(FollowLinks.class, "accounts");
    private static final Field BLOCK_EM = field(BlockService.class, "em");
    private static final Field BLOCK_ACCOUNTS = field(BlockService.class, "accounts");
    private static final Field BLOCK_LINKS = field(BlockService.class, "links");
    private static final Field NOTIFICATION_EM = field(NotificationService.class, "em");
    private static final Field ACCOUNT_EM = field(AccountService.class, "em");
    private static final Field POST_EM = field(PostService.class, "em");
    private static final Field POST_ACCOUNTS = field(PostService.class, "accounts");

    private final EntityManagerFactory emf;
    private final TimelineService timelines = new TimelineService();
    private final FollowService follows = new FollowService();
    private final AccountService accounts = new AccountService();
    private final SiteActivityReader activity = new SiteActivityReader();
    private final PostService posts = new PostService();
    private final FollowLinks links = new FollowLinks();
    private final BlockService blocks = new BlockService();
    private final NotificationService notifications = new NotificationService();

    Services(EntityManagerFactory emf, DatabaseVendor vendor) {
        this.emf = emf;
        set(LINKS_ACCOUNTS, links, accounts);
        set(BLOCK_ACCOUNTS, blocks, accounts);
        set(BLOCK_LINKS, blocks, links);
        set(FOLLOW_LINKS, follows, links);
        set(FOLLOW_BLOCKS, follows, blocks);
        // What the container's event does: the notification is written in the follow's transaction.
        set(FOLLOW_EVENTS, follows, new DirectEvent(notifications::onNewFollow));
        set(POST_ACCOUNTS, posts, accounts);
        set(TIMELINE_FOLLOWS, timelines, follows);
        set(TIMELINE_DATABASE, timelines, new CurrentDatabase(vendor));
        set(TIMELINE_ACTIVITY, timelines, activity);
    }

    <T> T timelines(Function<TimelineService, T> call) {
        return entityManager(em -> {
            bind(em);
            return call.apply(timelines);
        });
    }

    <T> T follows(Function<FollowService, T> call) {
        return entityManager(em -> {
            bind(em);
            return call.apply(follows);
        });
    }

    /** A write through the follow and post services, in a transaction of its own, committed at the end. */
    <T> T write(BiFunction<FollowService, PostService, T> call) {
        return entityManager(em -> {
            bind(em);
            em.getTransaction().begin();
            try {
                T result = call.apply(follows, posts);
                em.getTransaction().commit();
                return result;
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
            }
        });
    }

    /** Gives every service the entity manager of the call, as the container gives each its persistence context. */
    private void bind(EntityManager em) {
        set(TIMELINE_EM, timelines, em);
        set(ACTIVITY_EM, activity, em);
        set(FOLLOW_EM, follows, em);
        set(LINKS_EM, links, em);
        set(BLOCK_EM, blocks, em);
        set(NOTIFICATION_EM, notifications, em);
        set(ACCOUNT_EM, accounts, em);
        set(POST_EM, posts, em);
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

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no field " + name, e);
        }
    }

    private static void set(Field field, Object target, Object value) {
        try {
            field.set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CDI event that calls its one observer at once, as the container does for a synchronous observer. */
    private record DirectEvent(Consumer<NewFollow> observer) implements Event<NewFollow> {
        @Override
        public void fire(NewFollow event) {
            observer.accept(event);
        }

        @Override
        public <U extends NewFollow> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends NewFollow> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<NewFollow> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends NewFollow> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends NewFollow> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
