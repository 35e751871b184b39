package org.microblog.web.api.entity;

import java.util.List;

/**
 * A user as an app sees them (Mastodon's Account). Microblog has no display names, locked accounts, bots, groups,
 * headers, custom emoji or profile fields: those fields hold what Mastodon gives an account without them.
 *
 * @param note the about-me text as HTML (escaped, in a paragraph)
 * @param lastStatusAt the day of the latest post ({@code 2026-12-07}); null here, as Microblog does not keep it
 */
public record Account(
        String id,
        String username,
        String acct,
        String displayName,
        boolean locked,
        boolean bot,
        boolean discoverable,
        boolean group,
        String createdAt,
        String note,
        String url,
        String uri,
        String avatar,
        String avatarStatic,
        String header,
        String headerStatic,
        long followersCount,
        long followingCount,
        long statusesCount,
        String lastStatusAt,
        List<Object> emojis,
        List<Object> fields) {

    /**
     * What the person can edit, only in their own account ({@code verify_credentials}, Mastodon's CredentialAccount):
     * the about-me text as typed; every post is public, none sensitive.
     */
    public record Source(
            String privacy,
            boolean sensitive,
            String language,
            String note,
            List<Object> fields,
            int followRequestsCount) {

        public static Source of(String aboutMe) {
            return new Source("public", false, null, aboutMe, List.of(), 0);
        }
    }
}
