package org.microblog.service.notification;

import java.util.List;
import org.microblog.domain.notification.Notification;

/** A page of notifications, newest first, and whether older ones follow. */
public record NotificationPage(List<Row> rows, boolean hasMore) {

    public NotificationPage {
        rows = List.copyOf(rows);
    }

    /** One notification, and whether it was unread until this page showed it. */
    public record Row(Notification notification, boolean wasUnread) {}
}
