package org.microblog.web.api.entity;

import java.util.List;

/**
 * A post as an app sees it (Mastodon's Status). Every post is public, original (no replies, boosts, polls or media),
 * and has no counts of favourites or boosts: those fields hold what Mastodon gives a status without them.
 *
 * @param content the text as HTML: escaped, in a paragraph, a line break for each new line
 * @param text the plain text, only in the answer to a delete (for "delete and redraft"); null otherwise
 */
public record Status(
        String id,
        String uri,
        String url,
        String createdAt,
        Account account,
        String content,
        String visibility,
        boolean sensitive,
        String spoilerText,
        List<Object> mediaAttachments,
        Object application,
        List<Object> mentions,
        List<Object> tags,
        List<Object> emojis,
        long reblogsCount,
        long favouritesCount,
        long repliesCount,
        String inReplyToId,
        String inReplyToAccountId,
        Object reblog,
        Object poll,
        Object card,
        String language,
        String text,
        String editedAt) {}
