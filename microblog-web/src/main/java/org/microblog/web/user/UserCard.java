package org.microblog.web.user;

import java.time.Instant;
import org.microblog.domain.user.User;
import org.microblog.web.avatar.Avatars;
import org.omnifaces.util.Faces;

/**
 * What a page shows of a user: plain values read once per request, the addresses made in Java.
 *
 * @param url the user's profile page
 * @param avatar the avatar for the head of the profile, 128 pixels wide
 * @param smallAvatar the avatar for a row of a list, 48 pixels wide
 * @param postsCount how many posts the user has
 */
public record UserCard(
        long id,
        String username,
        String aboutMe,
        Instant lastSeen,
        String url,
        String avatar,
        String smallAvatar,
        long postsCount) {

    static final int AVATAR_SIZE = 128;
    static final int SMALL_AVATAR_SIZE = 48;

    public static UserCard of(User user, Avatars avatars) {
        return new UserCard(
                user.getId(),
                user.getUsername(),
                user.getAboutMe().orElse(null),
                user.getLastSeen().orElse(null),
                Faces.getRequestContextPath() + "/user/" + user.getUsername(),
                avatars.of(user, AVATAR_SIZE),
                avatars.of(user, SMALL_AVATAR_SIZE),
                user.getPostsCount());
    }
}
