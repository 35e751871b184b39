package org.microblog.web.api.entity;

import java.util.List;

/**
 * Someone the person might follow (Mastodon's Suggestion), and why: {@code friends_of_friends} (people they follow
 * follow them) or {@code most_followed}. {@code source} is the older field that clients still read.
 */
public record AccountSuggestion(String source, List<String> sources, Account account) {}
