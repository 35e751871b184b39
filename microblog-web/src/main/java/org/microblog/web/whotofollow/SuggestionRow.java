package org.microblog.web.whotofollow;

/**
 * A suggestion as a list of people to follow shows it (WEB-INF/includes/suggestions.xhtml), with its addresses made
 * in Java ({@link SuggestionRows}).
 *
 * @param username who is suggested
 * @param url their profile
 * @param avatar their avatar, 48 pixels wide
 * @param followedByFollowings whether people the viewer follows follow them (else they are popular)
 * @param followedBy one of those people
 * @param others how many more of them
 * @param followersCount how many follow them
 */
public record SuggestionRow(
        String username,
        String url,
        String avatar,
        boolean followedByFollowings,
        String followedBy,
        int others,
        long followersCount) {}
