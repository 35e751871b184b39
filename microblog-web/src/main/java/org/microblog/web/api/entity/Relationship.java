package org.microblog.web.api.entity;

/**
 * How the person a token acts for stands with another account (Mastodon's Relationship). Microblog has no follow
 * requests, boosts to hide, notifications per account, domain blocks, endorsements or notes: those are false or empty.
 */
public record Relationship(
        String id,
        boolean following,
        boolean showingReblogs,
        boolean notifying,
        boolean followedBy,
        boolean blocking,
        boolean blockedBy,
        boolean muting,
        boolean mutingNotifications,
        boolean requested,
        boolean requestedBy,
        boolean domainBlocking,
        boolean endorsed,
        String note) {}
