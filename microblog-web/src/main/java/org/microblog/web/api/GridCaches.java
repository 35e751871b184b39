package org.microblog.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * The caches of Payara's data grid (Hazelcast, through JCache) that the client API keeps what every instance of a
 * cluster must see alike in: the rate limits' counts and the Idempotency-Keys' statuses. A single instance has a
 * grid of one member. Keys are strings and values longs, which the grid stores without the application's classes.
 */
@ApplicationScoped
public class GridCaches {

    @Inject
    CacheManager caches;

    /**
     * The cache {@code name}, whose entries are gone {@code lifetime} after they were made (an update does not
     * prolong one). Made on first use; another instance may make it at the same moment, and then its is taken.
     */
    Cache<String, Long> expiringAfter(String name, Duration lifetime) {
        Cache<String, Long> cache = caches.getCache(name, String.class, Long.class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, Long> configuration = new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.SECONDS, lifetime.toSeconds())));
        try {
            return caches.createCache(name, configuration);
        } catch (CacheException madeMeanwhile) {
            return caches.getCache(name, String.class, Long.class);
        }
    }

    /**
     * Adds one to the count under {@code key} and gives the new count: by compare-and-set, so that the instances of a
     * cluster counting the same key at once lose none of each other's counts.
     */
    static long increment(Cache<String, Long> cache, String key) {
        while (true) {
            Long count = cache.get(key);
            if (count == null) {
                if (cache.putIfAbsent(key, 1L)) {
                    return 1;
                }
            } else if (cache.replace(key, count, count + 1)) {
                return count + 1;
            }
        }
    }
}
