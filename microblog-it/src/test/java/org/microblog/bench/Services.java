package org.microblog.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.util.function.Function;
import javax.sql.DataSource;
import org.microblog.service.account.AccountService;
import org.microblog.service.follow.FollowService;
import org.microblog.service.timeline.TimelineService;

/**
 * The application's real service classes outside the server. Each call gets a fresh entity manager, as a
 * call to a {@code @Stateless} bean gets a fresh transaction-scoped persistence context in the server,
 * injected into the same package-private fields the container fills ({@code em}, {@code accounts},
 * {@code dataSource}).
 */
final class Services {

    private static final Field TIMELINE_EM = field(TimelineService.class, "em");
    private static final Field TIMELINE_DATA_SOURCE = field(TimelineService.class, "dataSource");
    private static final Field FOLLOW_EM = field(FollowService.class, "em");
    private static final Field FOLLOW_ACCOUNTS = field(FollowService.class, "accounts");
    private static final Field ACCOUNT_EM = field(AccountService.class, "em");

    private final EntityManagerFactory emf;
    private final TimelineService timelines = new TimelineService();
    private final FollowService follows = new FollowService();
    private final AccountService accounts = new AccountService();

    Services(EntityManagerFactory emf, DataSource dataSource) {
        this.emf = emf;
        set(TIMELINE_DATA_SOURCE, timelines, dataSource);
        set(FOLLOW_ACCOUNTS, follows, accounts);
    }

    <T> T timelines(Function<TimelineService, T> call) {
        return entityManager(em -> {
            set(TIMELINE_EM, timelines, em);
            return call.apply(timelines);
        });
    }

    <T> T follows(Function<FollowService, T> call) {
        return entityManager(em -> {
            set(FOLLOW_EM, follows, em);
            set(ACCOUNT_EM, accounts, em);
            return call.apply(follows);
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
}
