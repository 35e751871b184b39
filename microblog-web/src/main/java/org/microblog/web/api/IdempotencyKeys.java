package org.microblog.web.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.cache.Cache;

/**
 * The {@code Idempotency-Key} of a status posted by an app: an app that sends the same key again within
 * {@link #LIFETIME} (it lost the first answer, say) gets the status it posted the first time, and nothing is posted
 * twice, on whichever instance of a cluster each request lands. Kept in the data grid (GridCaches) under the person's
 * id and the key's SHA-256: a key is the person's own, and of any length.
 */
@ApplicationScoped
public class IdempotencyKeys {

    static final Duration LIFETIME = Duration.ofHours(1);
    /** How long a repeated request waits for the first one, still posting, to finish. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private static final long POSTING = -1;

    @Inject
    GridCaches grid;

    private Cache<String, Long> posted;

    @PostConstruct
    void open() {
        posted = grid.expiringAfter("microblog-api-idempotency-keys", LIFETIME);
    }

    /**
     * The id of the post made under {@code key} by {@code userId}: the one {@code post} makes now if the key is new,
     * else the one made the first time.
     *
     * @throws ApiRefusal 422 if the first request with the key is still posting after {@link #WAIT}
     */
    long once(long userId, String key, LongSupplier post) {
        String entry = userId + ":" + sha256(key);
        if (posted.putIfAbsent(entry, POSTING)) {
            long id;
            try {
                id = post.getAsLong();
            } catch (RuntimeException refused) {
                posted.remove(entry, POSTING); // nothing was posted: the key may be tried again
                throw refused;
            }
            posted.replace(entry, POSTING, id);
            return id;
        }
        return firstAnswer(entry).orElseGet(() -> once(userId, key, post));
    }

    /** The first request's post, waiting while it is still posting; empty if it failed (the key is free again). */
    private Optional<Long> firstAnswer(String entry) {
        long giveUp = System.nanoTime() + WAIT.toNanos();
        Long id = posted.get(entry);
        while (id != null && id == POSTING) {
            if (System.nanoTime() > giveUp) {
                throw new ApiRefusal(422, "A status with this Idempotency-Key is still being posted");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiRefusal(503, "Interrupted while waiting for the first request");
            }
            id = posted.get(entry);
        }
        return Optional.ofNullable(id);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
