package org.microblog.web.api.entity;

import java.util.List;

/**
 * The answer to a search (Mastodon's Search): accounts and statuses; Microblog has no hashtags, so that list is
 * always empty.
 */
public record SearchResults(List<Account> accounts, List<Status> statuses, List<Object> hashtags) {}
