package org.microblog.web.user;

import java.util.Optional;

/** What a user page shows, from the path segment after the username. */
public enum Section {
    /** {@code /user/{name}}: the profile and the user's posts. */
    PROFILE,
    /** {@code /user/{name}/followers}. */
    FOLLOWERS,
    /** {@code /user/{name}/following}. */
    FOLLOWING;

    /** The section a path segment names (none: the profile), or empty for an unknown segment. */
    static Optional<Section> of(String segment) {
        if (segment == null) {
            return Optional.of(PROFILE);
        }
        return switch (segment) {
            case "followers" -> Optional.of(FOLLOWERS);
            case "following" -> Optional.of(FOLLOWING);
            default -> Optional.empty();
        };
    }
}
