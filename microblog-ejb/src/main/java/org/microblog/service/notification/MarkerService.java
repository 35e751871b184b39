package org.microblog.service.notification;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microblog.domain.notification.ReadMarker;
import org.microblog.domain.user.User;
import org.microblog.service.account.UserNotFoundException;

/**
 * Where a person stopped reading their home timeline and their notifications (Mastodon's markers), which an app
 * reads to open at the same place on every device. Moving the notifications marker marks the notifications up to it
 * read, so the unread count the site shows follows what the person read in any app.
 *
 * <p>A move locks the person's user row first, as a follow does: two apps moving the same marker at once take turns,
 * and the first marker of a list is made once.
 */
@Stateless
public class MarkerService {

    @PersistenceContext
    EntityManager em;

    @EJB
    NotificationService notifications;

    Clock clock = Clock.systemUTC();

    /** The person's markers of {@code timelines}; a list with no marker yet is left out. */
    public Map<ReadMarker.Timeline, ReadMarker> markers(long userId, Set<ReadMarker.Timeline> timelines) {
        Map<ReadMarker.Timeline, ReadMarker> found = new EnumMap<>(ReadMarker.Timeline.class);
        for (ReadMarker.Timeline timeline : timelines) {
            find(userId, timeline).ifPresent(marker -> found.put(timeline, marker));
        }
        return found;
    }

    /**
     * Moves the person's markers to the given ids (a list's first marker is made), in one transaction; the
     * notifications up to the notifications marker are read from then on.
     *
     * @return the markers moved, as they are now
     * @throws UserNotFoundException if there is no such user
     */
    public Map<ReadMarker.Timeline, ReadMarker> move(long userId, Map<ReadMarker.Timeline, Long> positions) {
        if (em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new UserNotFoundException("#" + userId);
        }
        Instant now = clock.instant();
        Map<ReadMarker.Timeline, ReadMarker> moved = new EnumMap<>(ReadMarker.Timeline.class);
        positions.forEach((timeline, lastReadId) -> {
            ReadMarker marker = find(userId, timeline).orElse(null);
            if (marker == null) {
                marker = new ReadMarker(userId, timeline, lastReadId, now);
                em.persist(marker);
            } else {
                marker.moveTo(lastReadId, now);
            }
            if (timeline == ReadMarker.Timeline.NOTIFICATIONS) {
                notifications.markReadUpTo(userId, lastReadId);
            }
            moved.put(timeline, marker);
        });
        return moved;
    }

    private Optional<ReadMarker> find(long userId, ReadMarker.Timeline timeline) {
        return Optional.ofNullable(em.find(ReadMarker.class, new ReadMarker.Key(userId, timeline)));
    }
}
