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

    /** The path segment after the username: none for the profile. */
    public String path() {
        return switch (this) {
            case PROFILE -> "";
            case FOLLOWERS -> "followers";
            case FOLLOWING -> "following";
        };
    }

    /** The key of the heading of a list of people (connections.xhtml); none for the profile. */
    public String headingKey() {
        return switch (this) {
            case PROFILE -> "";
            case FOLLOWERS -> "connections.followersHeading";
            case FOLLOWING -> "connections.followingHeading";
        };
    }

    /** The section a path segment names (none: the profile), or empty for an unknown segment. */
    static Optional<Section> of(String segment) {
        if (segment == null) {
            return Optional.of(PROFILE);
        }
        for (Section section : values()) {
            if (section != PROFILE && section.path().equals(segment)) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }
}
