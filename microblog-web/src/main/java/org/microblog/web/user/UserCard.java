package org.microblog.web.user;

import java.io.Serializable;
import java.time.Instant;
import org.microblog.domain.user.User;

/** What a page shows of a user: kept in view state, so plain values only. */
public record UserCard(long id, String username, String aboutMe, Instant lastSeen, String avatar, String smallAvatar)
        implements Serializable {

    static final int AVATAR_SIZE = 128;
    static final int SMALL_AVATAR_SIZE = 48;

    static UserCard of(User user) {
        return new UserCard(
                user.getId(),
                user.getUsername(),
                user.getAboutMe().orElse(null),
                user.getLastSeen().orElse(null),
                user.avatarUrl(AVATAR_SIZE),
                user.avatarUrl(SMALL_AVATAR_SIZE));
    }
}
