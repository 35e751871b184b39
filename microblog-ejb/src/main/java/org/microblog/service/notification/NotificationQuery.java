package org.microblog.service.notification;

import java.util.OptionalLong;
import java.util.Set;
import org.microblog.domain.notification.Notification;

/**
 * Which of a person's notifications an app lists: of these {@code kinds}, by {@code actorId} if given, with ids
 * strictly between {@code after} and {@code before} (each optional); the newest {@code max} of them, or with
 * {@code adjacent} the {@code max} right after {@code after} (to page back towards the newest).
 */
public record NotificationQuery(
        Set<Notification.Kind> kinds,
        OptionalLong actorId,
        OptionalLong after,
        OptionalLong before,
        boolean adjacent,
        int max) {

    public NotificationQuery {
        kinds = Set.copyOf(kinds);
        if (max < 1 || max > NotificationService.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Page size 1 to " + NotificationService.MAX_PAGE_SIZE + ", not " + max);
        }
    }

    /** The newest {@code max} notifications of {@code kinds}. */
    public static NotificationQuery newest(Set<Notification.Kind> kinds, int max) {
        return new NotificationQuery(
                kinds, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), false, max);
    }
}
