package org.microblog.it;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** Notification rows as a test needs them, written straight to the database. */
@Stateless
public class NotificationFixtures {

    @PersistenceContext
    EntityManager em;

    /** Moves every notification of {@code userId} back by {@code time}. */
    public void backdate(long userId, Duration time) {
        em.createNativeQuery("UPDATE notifications SET created_at = ?1 WHERE user_id = ?2")
                .setParameter(1, Timestamp.from(Instant.now().minus(time)))
                .setParameter(2, userId)
                .executeUpdate();
    }

    /** How many notification rows {@code userId} has, read or not. */
    public long count(long userId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM notifications WHERE user_id = ?1")
                        .setParameter(1, userId)
                        .getSingleResult())
                .longValue();
    }
}
