package org.microblog.web.api.entity;

/**
 * Something the person is told about (Mastodon's Notification entity; named apart from the domain's Notification).
 * Microblog tells only of new followers, so {@code type} is {@code follow} and there is no {@code status}.
 */
public record Notice(String id, String type, String groupKey, String createdAt, Account account) {}
