package org.microblog.service.follow;

/**
 * Someone the user might follow: who ({@code userId}, {@code username}, {@code email} for the avatar), how
 * many people follow them, and which of the people the user follows do: {@code followedBy}, the one the user
 * followed most recently, and {@code others} more; {@code followedBy} is null for someone suggested because
 * many people follow them ({@link #popular}).
 */
public record Suggestion(
        long userId, String username, String email, long followersCount, String followedBy, int others) {

    /** Someone suggested because many people follow them, none of them (as far as we looked) the user's followings. */
    static Suggestion popular(long userId, String username, String email, long followersCount) {
        return new Suggestion(userId, username, email, followersCount, null, 0);
    }

    /** Whether some of the people the user follows follow them (else they are suggested as popular). */
    public boolean isFollowedByFollowings() {
        return followedBy != null;
    }

    /** How many of the user's followings follow them (as far as the suggestion looked: see SuggestionService). */
    public int followedByCount() {
        return isFollowedByFollowings() ? others + 1 : 0;
    }
}
