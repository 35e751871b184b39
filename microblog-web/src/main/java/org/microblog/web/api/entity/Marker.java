package org.microblog.web.api.entity;

/** Where the person stopped reading a list (Mastodon's Marker): the id of the last status or notification read. */
public record Marker(String lastReadId, int version, String updatedAt) {}
