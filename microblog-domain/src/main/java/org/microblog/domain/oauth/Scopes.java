package org.microblog.domain.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an app may do, Mastodon's way: the top scopes {@code read}, {@code write}, {@code follow} and {@code push}, and
 * granular ones such as {@code read:statuses}. A top scope grants every granular scope under it; {@code follow} is
 * Mastodon's older name for reading and changing follows, blocks and mutes.
 *
 * @param names the scopes as given, in their order
 */
public record Scopes(Set<String> names) {

    private static final Set<String> TOP = Set.of("read", "write", "follow", "push", "profile");
    private static final Set<String> READ = Set.of(
            "accounts",
            "blocks",
            "bookmarks",
            "favourites",
            "filters",
            "follows",
            "lists",
            "mutes",
            "notifications",
            "search",
            "statuses");
    private static final Set<String> WRITE = Set.of(
            "accounts",
            "blocks",
            "bookmarks",
            "conversations",
            "favourites",
            "filters",
            "follows",
            "lists",
            "media",
            "mutes",
            "notifications",
            "reports",
            "statuses");
    private static final Set<String> FOLLOW =
            Set.of("read:follows", "write:follows", "read:blocks", "write:blocks", "read:mutes", "write:mutes");

    /** What an app gets when it names no scope. */
    public static final Scopes DEFAULT = new Scopes(Set.of("read"));

    public Scopes {
        names = Set.copyOf(new LinkedHashSet<>(names));
    }

    /** The scopes of a space-separated list; empty if one of them is unknown. A blank list is the default. */
    public static Optional<Scopes> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(DEFAULT);
        }
        Set<String> names = Arrays.stream(text.strip().split("[\\s+]+"))
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return names.stream().allMatch(Scopes::isKnown) ? Optional.of(new Scopes(names)) : Optional.empty();
    }

    /** Whether these scopes grant {@code scope} (a granular one, such as {@code write:statuses}). */
    public boolean grant(String scope) {
        if (names.contains(scope)) {
            return true;
        }
        int colon = scope.indexOf(':');
        return colon > 0 && names.contains(scope.substring(0, colon))
                || names.contains("follow") && FOLLOW.contains(scope);
    }

    /** Whether every scope of {@code asked} is among these (an app may ask for no more than it registered with). */
    public boolean cover(Scopes asked) {
        return asked.names.stream().allMatch(name -> names.contains(name) || grant(name));
    }

    /** The space-separated list, as OAuth writes scopes. */
    public String text() {
        return String.join(" ", names.stream().sorted().toList());
    }

    private static boolean isKnown(String name) {
        if (TOP.contains(name)) {
            return true;
        }
        int colon = name.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String group = name.substring(colon + 1);
        return switch (name.substring(0, colon)) {
            case "read" -> READ.contains(group);
            case "write" -> WRITE.contains(group);
            default -> false;
        };
    }
}
