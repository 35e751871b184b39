package org.microblog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microblog.domain.notification.Notification;
import org.microblog.domain.notification.ReadMarker;
import org.microblog.domain.user.User;
import org.microblog.service.account.AccountService;
import org.microblog.service.follow.FollowService;
import org.microblog.service.notification.MarkerService;
import org.microblog.service.notification.NotificationPage;
import org.microblog.service.notification.NotificationQuery;
import org.microblog.service.notification.NotificationService;

@ExtendWith(ArquillianExtension.class)
class NotificationServiceIT {

    @EJB
    Fixtures fixtures;

    @EJB
    NotificationFixtures rows;

    @EJB
    FollowService follows;

    @EJB
    NotificationService notifications;

    @EJB
    AccountService accounts;

    @EJB
    MarkerService markers;

    @Test
    void anAppsListMarksNothingReadAndTheNotificationsMarkerMarksThoseUpToIt() {
        User star = fixtures.user("star");
        List<User> fans = List.of(fixtures.user("fan"), fixtures.user("fan"), fixtures.user("fan"));
        fans.forEach(fan -> follows.follow(fan.getId(), star.getUsername()));
        Set<Notification.Kind> all = EnumSet.allOf(Notification.Kind.class);

        List<Notification> listed = notifications.list(star.getId(), NotificationQuery.newest(all, 10));
        assertEquals(
                fans.reversed().stream().map(User::getUsername).toList(),
                listed.stream().map(n -> n.getActor().getUsername()).toList());
        assertEquals(3, notifications.unreadCount(star.getId()), "listing marked nothing read");

        ReadMarker marker = markers.move(
                        star.getId(),
                        Map.of(ReadMarker.Timeline.NOTIFICATIONS, listed.get(1).getId()))
                .get(ReadMarker.Timeline.NOTIFICATIONS);
        assertEquals(listed.get(1).getId(), marker.getLastReadId());
        assertEquals(1, notifications.unreadCount(star.getId()), "the two up to the marker are read");
        assertEquals(
                1,
                markers.move(
                                star.getId(),
                                Map.of(
                                        ReadMarker.Timeline.NOTIFICATIONS,
                                        listed.get(1).getId()))
                        .get(ReadMarker.Timeline.NOTIFICATIONS)
                        .getVersion(),
                "a second move counts");
        assertEquals(1, notifications.unreadCount(star.getId()));

        assertTrue(notifications.dismiss(star.getId(), listed.getFirst().getId()));
        assertEquals(0, notifications.unreadCount(star.getId()), "the dismissed one was the unread one");
        assertFalse(notifications.dismiss(fans.getFirst().getId(), listed.get(1).getId()), "not the fan's to dismiss");
        notifications.clear(star.getId());
        assertEquals(List.of(), notifications.list(star.getId(), NotificationQuery.newest(all, 10)));
        assertEquals(0, notifications.unreadCount(star.getId()));
    }

    @Test
    void aNewFollowerIsAnUnreadNotification() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");

        follows.follow(ann.getId(), bob.getUsername());

        assertEquals(1, notifications.unreadCount(bob.getId()));
        assertEquals(1, accounts.findSignedIn(bob.getId()).orElseThrow().unreadNotifications(), "read with the row");
        assertEquals(0, notifications.unreadCount(ann.getId()), "the follower is told nothing");
    }

    @Test
    void anAppCountsOnlyTheUnreadKindsItIsShownTheSiteCountsThemAll() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        follows.follow(ann.getId(), bob.getUsername());
        notifications.tellExportReady(bob.getId());

        assertEquals(2, notifications.unreadCount(bob.getId()));
        assertEquals(1, notifications.unreadCount(bob.getId(), EnumSet.of(Notification.Kind.FOLLOW)));
        assertEquals(1, notifications.unreadCount(bob.getId(), EnumSet.of(Notification.Kind.EXPORT_READY)));

        notifications.read(bob.getId(), 0, 10); // shown on the site: read
        assertEquals(0, notifications.unreadCount(bob.getId(), EnumSet.of(Notification.Kind.FOLLOW)));
    }

    @Test
    void showingNotificationsMarksThemRead() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        follows.follow(ann.getId(), bob.getUsername());

        NotificationPage first = notifications.read(bob.getId(), 0, 20);

        assertEquals(1, first.rows().size());
        Notification shown = first.rows().getFirst().notification();
        assertEquals(ann.getUsername(), shown.getActor().getUsername());
        assertEquals(Notification.Kind.FOLLOW, shown.getKind());
        assertTrue(first.rows().getFirst().wasUnread());
        assertEquals(0, notifications.unreadCount(bob.getId()));
        assertFalse(notifications.read(bob.getId(), 0, 20).rows().getFirst().wasUnread(), "read once shown");
    }

    @Test
    void followingAgainWhileTheNotificationIsUnreadMakesNoSecondOne() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");

        follows.follow(ann.getId(), bob.getUsername());
        follows.unfollow(ann.getId(), bob.getUsername());
        follows.follow(ann.getId(), bob.getUsername());
        follows.follow(ann.getId(), bob.getUsername());

        assertEquals(1, rows.count(bob.getId()));
        assertEquals(1, notifications.unreadCount(bob.getId()));
    }

    @Test
    void followingAgainSoonAfterBeingReadMakesNoNewOneButLaterDoes() {
        User ann = fixtures.user("ann");
        User bob = fixtures.user("bob");
        follows.follow(ann.getId(), bob.getUsername());
        notifications.read(bob.getId(), 0, 20);

        follows.unfollow(ann.getId(), bob.getUsername());
        follows.follow(ann.getId(), bob.getUsername());
        assertEquals(1, rows.count(bob.getId()), "within the quiet time");
        assertEquals(0, notifications.unreadCount(bob.getId()));

        rows.backdate(bob.getId(), NotificationService.QUIET.plus(Duration.ofMinutes(1)));
        follows.unfollow(ann.getId(), bob.getUsername());
        follows.follow(ann.getId(), bob.getUsername());
        assertEquals(2, rows.count(bob.getId()), "after the quiet time");
        assertEquals(1, notifications.unreadCount(bob.getId()));
    }

    @Test
    void notificationsComeNewestFirstInPagesAndOnlyTheShownAreMarkedRead() {
        User bob = fixtures.user("bob");
        User ann = fixtures.user("ann");
        User cid = fixtures.user("cid");
        User dee = fixtures.user("dee");
        follows.follow(ann.getId(), bob.getUsername());
        follows.follow(cid.getId(), bob.getUsername());
        follows.follow(dee.getId(), bob.getUsername());
        assertEquals(3, notifications.unreadCount(bob.getId()));

        NotificationPage first = notifications.read(bob.getId(), 0, 2);

        assertTrue(first.hasMore());
        assertEquals(2, first.rows().size());
        assertEquals(1, notifications.unreadCount(bob.getId()), "the one not shown stays unread");
        NotificationPage second = notifications.read(bob.getId(), 2, 2);
        assertFalse(second.hasMore());
        List<String> actors = List.of(
                first.rows().get(0).notification().getActor().getUsername(),
                first.rows().get(1).notification().getActor().getUsername(),
                second.rows().get(0).notification().getActor().getUsername());
        assertEquals(List.of(dee.getUsername(), cid.getUsername(), ann.getUsername()), actors);
        assertEquals(0, notifications.unreadCount(bob.getId()));
    }
}
