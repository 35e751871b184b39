package org.microblog.service.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the database knows about the size and pace of the site, as the home timeline sizes its time windows
 * and chooses its plans from it: how many users and posts there are, and the oldest and newest post.
 *
 * @param users how many users there are (an estimate is enough: the highest id)
 * @param posts how many posts there are (the highest id)
 * @param oldestPost when the first post was written; empty when there is none
 * @param newestPost when the latest post was written; empty when there is none
 */
public record SiteActivity(long users, long posts, Optional<Instant> oldestPost, Optional<Instant> newestPost) {

    /** A site's life is counted as at least this long, so that a new site's rate is not a burst. */
    static final Duration MIN_LIFE = Duration.ofDays(1);

    public SiteActivity {
        users = Math.max(users, 1);
        posts = Math.max(posts, 0);
    }

    /** How many posts a user writes per second, on average over the site's life; never zero. */
    public double postsPerUserSecond() {
        long life = Math.max(
                MIN_LIFE.toSeconds(),
                oldestPost
                        .flatMap(oldest -> newestPost.map(newest -> Duration.between(oldest, newest)))
                        .map(Duration::toSeconds)
                        .orElse(0L));
        return Math.max(posts, 1) / (double) users / life;
    }

    /** How many posts the whole site writes per second, on average; never zero. */
    public double postsPerSecond() {
        return postsPerUserSecond() * users;
    }
}
