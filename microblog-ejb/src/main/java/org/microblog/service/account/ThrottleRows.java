package org.microblog.service.account;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import org.microblog.domain.account.Throttle;

/**
 * Makes a throttle's row for a key seen for the first time, in a transaction of its own: when two first
 * attempts for one key race, one insert fails on the primary key, and on PostgreSQL a failed statement
 * spoils its whole transaction. Part of {@link SignInThrottle}; nothing else needs it.
 */
@Stateless
public class ThrottleRows {

    @PersistenceContext
    EntityManager em;

    /**
     * Inserts an empty row for {@code key} and commits it.
     *
     * @return false if the row could not be made, normally because another request made it first
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean create(String key, Instant now) {
        try {
            em.persist(new Throttle(key, now));
            em.flush();
            return true;
        } catch (PersistenceException e) {
            return false;
        }
    }
}
