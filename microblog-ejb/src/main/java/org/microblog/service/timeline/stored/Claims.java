package org.microblog.service.timeline.stored;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Claims on the rows of a work table ({@code fan_outs}, {@code stored_timelines} being built): a worker takes a row
 * that no live claim holds for {@link #LEASE}, writing its name and the claim's end in the row, so that the workers of
 * every instance share the rows and a worker that dies leaves its rows to the others once its claims run out. Each
 * claim is its own transaction, the caller's.
 */
public final class Claims {

    /** How long a claim lasts unless renewed: a live worker renews it far sooner. */
    public static final Duration LEASE = Duration.ofSeconds(30);

    private Claims() {}

    /**
     * Claims for {@code worker} a row of {@code table} that matches {@code available} and no live claim holds, the first
     * in {@code order}: its key ({@code key}), or empty if there is none. The names are the callers' constants.
     */
    static Optional<Long> claimOne(
            EntityManager em, String table, String key, String available, String order, String worker) {
        Timestamp now = Timestamp.from(Instant.now());
        String unclaimed = "(claimed_until IS NULL OR claimed_until < ?1)";
        @SuppressWarnings("unchecked")
        List<Number> free = em.createNativeQuery("SELECT " + key + " FROM " + table + " WHERE " + available + " AND "
                        + unclaimed + " ORDER BY " + order)
                .setParameter(1, now)
                .setMaxResults(8)
                .getResultList();
        for (Number candidate : free) {
            if (claim(em, table, key, candidate.longValue(), available, worker)) {
                return Optional.of(candidate.longValue());
            }
        }
        return Optional.empty();
    }

    /** Claims for {@code worker} the row of {@code table} whose {@code key} is {@code id}, if it matches {@code available} and no live claim holds it. */
    static boolean claim(EntityManager em, String table, String key, long id, String available, String worker) {
        Timestamp now = Timestamp.from(Instant.now());
        return em.createNativeQuery("UPDATE " + table + " SET claimed_by = ?2, claimed_until = ?3 WHERE " + key
                                + " = ?4 AND " + available + " AND (claimed_until IS NULL OR claimed_until < ?1)")
                        .setParameter(1, now)
                        .setParameter(2, worker)
                        .setParameter(3, Timestamp.from(now.toInstant().plus(LEASE)))
                        .setParameter(4, id)
                        .executeUpdate()
                == 1;
    }

    /** When a claim renewed now ends. */
    static Timestamp renewedUntil() {
        return Timestamp.from(Instant.now().plus(LEASE));
    }
}
