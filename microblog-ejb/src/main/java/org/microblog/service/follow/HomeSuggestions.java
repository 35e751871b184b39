package org.microblog.service.follow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.microblog.service.block.BlockMade;

/**
 * The first few suggestions of the home page's "Who to follow" box, kept per user for {@link #TTL}, so that
 * reading one's home timeline again and again does not compute them each time ({@link SuggestionService}
 * bounds what a computation costs; this spares the home page even that).
 *
 * <p>Kept in this instance's memory, at most {@link #MAX_USERS} users. A user's entry is dropped when they
 * follow someone (after the follow commits), so a Follow in the box shows the next suggestion at once, and both
 * users' entries when one blocks the other. A follow or block made on another instance, or a follow by someone
 * the user follows, shows within {@link #TTL}; until then the home page leaves out a suggestion that is no longer
 * followable (FollowOffers in the web module), so the box may show fewer.
 */
@ApplicationScoped
public class HomeSuggestions {

    static final Duration TTL = Duration.ofMinutes(2);
    static final int MAX_USERS = 20_000;

    private record Entry(List<Suggestion> suggestions, int count, Instant expires) {}

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    SuggestionService suggestions;

    Clock clock = Clock.systemUTC();

    /** The first {@code count} suggestions for {@code userId}, computed at most once per {@link #TTL}. */
    public List<Suggestion> firstFew(long userId, int count) {
        Instant now = clock.instant();
        Entry entry = entries.get(userId);
        if (entry == null || entry.count() != count || !now.isBefore(entry.expires())) {
            if (entries.size() >= MAX_USERS) {
                entries.values().removeIf(e -> !now.isBefore(e.expires()));
                if (entries.size() >= MAX_USERS) {
                    entries.clear();
                }
            }
            entry = new Entry(suggestions.suggest(userId, 0, count), count, now.plus(TTL));
            entries.put(userId, entry);
        }
        return entry.suggestions();
    }

    /** Both users' suggestions are out of date once a block has committed: neither may follow the other. */
    void blocked(@Observes(during = TransactionPhase.AFTER_SUCCESS) BlockMade block) {
        entries.remove(block.blockerId());
        entries.remove(block.blockedId());
    }

    /** The follower's suggestions are out of date once the follow has committed. */
    void followed(@Observes(during = TransactionPhase.AFTER_SUCCESS) NewFollow follow) {
        entries.remove(follow.followerId());
    }
}
