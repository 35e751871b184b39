package org.microblog.service.follow;

/**
 * Someone the user might follow: who ({@code userId}, {@code username}, {@code email} for the avatar), how
 * many people follow them, and which of the people the user follows do: {@code followedBy}, the one the user
 * followed most recently, and {@code others} more.
 */
public record Suggestion(
        long userId, String username, String email, long followersCount, String followedBy, int others) {

    /** How many of the user's followings follow them (as far as the suggestion looked: see SuggestionService). */
    public int followedByCount() {
        return others + 1;
    }
}
