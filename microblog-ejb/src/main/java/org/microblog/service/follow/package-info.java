/**
 * Following: follow and unfollow and the counts and lists they make (FollowService), how every change of follow
 * links locks and writes them (FollowLinkWriter), "Who to follow" (SuggestionService, HomeSuggestions), and the event of
 * a new follow.
 *
 * <p>May use {@code domain.user}, JPA, {@code service.account} and {@code service.block}.
 */
package org.microblog.service.follow;
