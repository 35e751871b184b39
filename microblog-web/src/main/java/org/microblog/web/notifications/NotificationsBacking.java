package org.microblog.web.notifications;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.microblog.domain.notification.Notification;
import org.microblog.service.notification.NotificationPage;
import org.microblog.service.notification.NotificationService;
import org.microblog.web.avatar.Avatars;
import org.microblog.web.format.TimeFormat;
import org.microblog.web.paging.Paging;
import org.microblog.web.session.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/**
 * Backs {@code /notifications} (signed-in users only, web.xml): a page of the user's notifications, newest
 * first. Showing them marks them read, before the menu renders, so its unread count is already the new one;
 * the page still marks which ones were new.
 */
@Named
@RequestScoped
public class NotificationsBacking {

    @Inject
    NotificationService notifications;

    @Inject
    CurrentUser currentUser;

    @Inject
    Avatars avatars;

    @Inject
    TimeFormat time;

    @Inject
    @Param(name = "page")
    String pageParam;

    static final int AVATAR_SIZE = 48;

    private NotificationPage page = new NotificationPage(List.of(), false);

    private List<NotificationRow> rows;

    /** On GET (viewAction): 400 for a malformed page number; otherwise reads the page, marking it read. */
    public void load() throws IOException {
        if (!Paging.isWellFormedPageNumber(pageParam)) {
            Faces.responseSendError(400, "Malformed page number");
            return;
        }
        int first = (getPageNumber() - 1) * Paging.USERS_PER_PAGE;
        page = notifications.read(currentUser.requireId(), first, Paging.USERS_PER_PAGE);
        rows = null;
        currentUser.refresh();
    }

    /** The rows of the page, made once a request. */
    public List<NotificationRow> getRows() {
        if (rows == null) {
            String profiles = Faces.getRequestContextPath() + "/user/";
            rows = page.rows().stream().map(row -> row(row, profiles)).toList();
        }
        return rows;
    }

    private NotificationRow row(NotificationPage.Row row, String profiles) {
        Notification notification = row.notification();
        String actor = notification.getActor().getUsername();
        boolean exportReady = notification.getKind() == Notification.Kind.EXPORT_READY;
        return new NotificationRow(
                actor,
                exportReady ? Faces.getRequestContextPath() + "/export" : profiles + actor,
                exportReady,
                avatars.of(notification.getActor(), AVATAR_SIZE),
                time.iso(notification.getCreatedAt()),
                time.ago(notification.getCreatedAt()),
                row.wasUnread());
    }

    public boolean isMore() {
        return page.hasMore();
    }

    public int getPageNumber() {
        return Paging.pageNumber(pageParam);
    }
}
