package org.microblog.service.timeline.stored;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * How stored home timelines are used, from MicroProfile Config.
 *
 * @param enabled {@code microblog.timelines.stored}: false turns them off; every home timeline is then pulled, and
 *     the stored ones are built afresh when they are turned on again
 * @param threshold {@code microblog.timelines.stored.threshold}: a reader who follows this many people gets a stored
 *     timeline (the measurement that chose the default is in docs/benchmarks.md, "Stored home timelines")
 * @param size {@code microblog.timelines.stored.size}: how many entries a reader keeps after trimming; older pages
 *     are pulled
 * @param chunk {@code microblog.timelines.fan-out.chunk}: how many followers with a stored timeline one transaction of
 *     the fan-out covers.
 *     100: on Derby, which locks rows, a reader whose newest entry a chunk is writing waits for its commit; a chunk of
 *     1,000 held that lock 24 ms (PostgreSQL readers never wait, and a chunk of 1,000 took 4 ms there)
 */
public record StoredTimelineSettings(boolean enabled, int threshold, int size, int chunk) {

    public static final StoredTimelineSettings DEFAULTS = new StoredTimelineSettings(true, 200, 400, 100);

    public StoredTimelineSettings {
        if (threshold < 1 || size < 1 || chunk < 1) {
            throw new IllegalArgumentException("threshold, size and chunk must be positive");
        }
    }

    /** Reads the settings once per application from its configuration. */
    @Dependent
    static class Producer {

        @Produces
        @Singleton
        StoredTimelineSettings fromConfig(Config config) {
            return new StoredTimelineSettings(
                    config.getOptionalValue("microblog.timelines.stored", Boolean.class)
                            .orElse(DEFAULTS.enabled()),
                    config.getOptionalValue("microblog.timelines.stored.threshold", Integer.class)
                            .orElse(DEFAULTS.threshold()),
                    config.getOptionalValue("microblog.timelines.stored.size", Integer.class)
                            .orElse(DEFAULTS.size()),
                    config.getOptionalValue("microblog.timelines.fan-out.chunk", Integer.class)
                            .orElse(DEFAULTS.chunk()));
        }
    }
}
