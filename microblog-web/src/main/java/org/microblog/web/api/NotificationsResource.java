package org.microblog.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.microblog.domain.notification.Notification;
import org.microblog.service.notification.NotificationQuery;
import org.microblog.service.notification.NotificationService;
import org.microblog.web.api.entity.Entities;
import org.microblog.web.api.entity.Notice;

/**
 * The person's notifications, newest first, paged by id as statuses are. Reading them marks nothing read: an app
 * moves the read position with a marker (MarkersResource), and the unread count follows it.
 */
@Tag(name = "notifications", description = "New followers, and the read position")
@Path("v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    static final int DEFAULT_LIMIT = 40;
    static final int MAX_LIMIT = 80;

    /**
     * The kinds that Mastodon has a type for. "Your export is ready" is the site's own (Mastodon has no such type,
     * and its apps drop or misshow a type they do not know): apps never see it.
     */
    private static final Set<Notification.Kind> MASTODON_KINDS = EnumSet.of(Notification.Kind.FOLLOW);

    @Inject
    NotificationService notifications;

    @Inject
    Entities entities;

    @Inject
    ApiCaller caller;

    /**
     * The notifications of the types {@code types[]} (all unless named) but {@code exclude_types[]}, and of the account
     * {@code account_id} if given. Microblog's one type is {@code follow}; the others that Mastodon has select nothing.
     */
    @GET
    public Response list(
            @QueryParam("types[]") List<String> types,
            @QueryParam("exclude_types[]") List<String> excluded,
            @QueryParam("account_id") String accountId,
            @Context UriInfo uri) {
        long me = caller.userId("read:notifications");
        Paging paging = Paging.of(uri, DEFAULT_LIMIT, MAX_LIMIT);
        Set<Notification.Kind> kinds = types.isEmpty() ? EnumSet.copyOf(MASTODON_KINDS) : kinds(types);
        kinds.removeAll(kinds(excluded));
        OptionalLong actor =
                accountId == null || accountId.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Ids.parse(accountId));
        boolean newer = paging.newer();
        // towards the newest: after since_id or min_id; towards the oldest: one more than asked, to know if more follow
        List<Notification> found = notifications.list(
                me,
                new NotificationQuery(
                        kinds,
                        actor,
                        paging.minId().isPresent() ? paging.minId() : paging.sinceId(),
                        paging.maxId(),
                        paging.minId().isPresent(),
                        newer ? paging.limit() : paging.limit() + 1));
        String root = Roots.of(uri);
        List<Notice> page = found.stream()
                .limit(paging.limit())
                .map(notification -> entities.notice(notification, root))
                .toList();
        return paging.answer(page, Notice::id, newer || found.size() > paging.limit(), uri);
    }

    @GET
    @Path("{id}")
    public Notice notification(@PathParam("id") String id, @Context UriInfo uri) {
        long me = caller.userId("read:notifications");
        return entities.notice(
                notifications
                        .find(me, Ids.parse(id))
                        .filter(notification -> MASTODON_KINDS.contains(notification.getKind()))
                        .orElseThrow(NotFoundException::new),
                Roots.of(uri));
    }

    /** How many of the notifications an app is shown are unread (the site's menu also counts kinds apps never see). */
    @GET
    @Path("unread_count")
    public Map<String, Integer> unreadCount() {
        return Map.of("count", notifications.unreadCount(caller.userId("read:notifications"), MASTODON_KINDS));
    }

    @POST
    @Path("clear")
    public Map<String, Object> clear() {
        notifications.clear(caller.userId("write:notifications"));
        return Map.of();
    }

    @POST
    @Path("{id}/dismiss")
    public Map<String, Object> dismiss(@PathParam("id") String id) {
        if (!notifications.dismiss(caller.userId("write:notifications"), Ids.parse(id))) {
            throw new NotFoundException();
        }
        return Map.of();
    }

    /** The kinds that Mastodon's type names name; unknown names name none. */
    private static Set<Notification.Kind> kinds(List<String> names) {
        Set<Notification.Kind> kinds = EnumSet.noneOf(Notification.Kind.class);
        for (Notification.Kind kind : MASTODON_KINDS) {
            if (names.contains(kind.name().toLowerCase(Locale.ROOT))) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
