package org.microblog.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.microblog.service.account.AccountService;
import org.microblog.service.post.PostService;

/**
 * How many accounts and posts the site has, for the instance's description: counted at most once a minute, since
 * every app asks at start-up and counting a million rows is not free.
 */
@ApplicationScoped
public class SiteCounts {

    private static final Duration FRESH = Duration.ofMinutes(1);

    /** The counts and when they were made. */
    public record Counts(long users, long posts, long madeAtNanos) {}

    @Inject
    AccountService accounts;

    @Inject
    PostService posts;

    private volatile Counts counts;

    public Counts current() {
        Counts known = counts;
        if (known == null || System.nanoTime() - known.madeAtNanos() > FRESH.toNanos()) {
            known = new Counts(accounts.count(), posts.count(), System.nanoTime());
            counts = known;
        }
        return known;
    }
}
