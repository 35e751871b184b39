package org.microblog.web.api.entity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.microblog.domain.notification.Notification;
import org.microblog.domain.notification.ReadMarker;
import org.microblog.domain.post.Post;
import org.microblog.domain.user.User;
import org.microblog.web.avatar.Avatars;

/**
 * Makes the API's entities from the domain's objects. Addresses are absolute, under {@code root}: the application's
 * address as the client used it, ending in "/".
 */
@ApplicationScoped
public class Entities {

    /** Mastodon's times: UTC, always with milliseconds ({@code 2026-12-07T10:15:30.000Z}). */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final int AVATAR_SIZE = 128;
    private static final String MISSING_HEADER = "headers/missing.png";

    @Inject
    Avatars avatars;

    public Account account(User user, String root) {
        String profile = root + "user/" + user.getUsername();
        String avatar = avatars.absolute(user, AVATAR_SIZE, root);
        return new Account(
                String.valueOf(user.getId()),
                user.getUsername(),
                user.getUsername(),
                user.getUsername(),
                false,
                false,
                true,
                false,
                time(user.getCreatedAt()),
                user.getAboutMe().map(Html::paragraph).orElse(""),
                profile,
                profile,
                avatar,
                avatar,
                // what Mastodon gives an account without a header: an image (a transparent pixel), never null
                root + MISSING_HEADER,
                root + MISSING_HEADER,
                user.getFollowersCount(),
                user.getFollowingCount(),
                user.getPostsCount(),
                null,
                List.of(),
                List.of());
    }

    /** A post; {@code withText} adds its plain text (the answer to a delete). */
    public Status status(Post post, String root, boolean withText) {
        Account author = account(post.getAuthor(), root);
        String address = author.url() + "#post-" + post.getId();
        return new Status(
                String.valueOf(post.getId()),
                address,
                address,
                time(post.getTimestamp()),
                author,
                Html.paragraph(post.getBody()),
                "public",
                false,
                "",
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                0,
                0,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                withText ? post.getBody() : null,
                null);
    }

    public List<Status> statuses(List<Post> posts, String root) {
        return posts.stream().map(post -> status(post, root, false)).toList();
    }

    /** A notification, with the account of who did what it tells. */
    public Notice notice(Notification notification, String root) {
        String id = String.valueOf(notification.getId());
        return new Notice(
                id,
                notification.getKind().name().toLowerCase(Locale.ROOT),
                "ungrouped-" + id,
                time(notification.getCreatedAt()),
                account(notification.getActor(), root));
    }

    public Marker marker(ReadMarker marker) {
        return new Marker(String.valueOf(marker.getLastReadId()), marker.getVersion(), time(marker.getUpdatedAt()));
    }

    /** A suggestion of {@code user}, who is suggested because people the person follows follow them, or not. */
    public AccountSuggestion suggestion(User user, boolean followedByFollowings, String root) {
        return followedByFollowings
                ? new AccountSuggestion("past_interactions", List.of("friends_of_friends"), account(user, root))
                : new AccountSuggestion("global", List.of("most_followed"), account(user, root));
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }
}
