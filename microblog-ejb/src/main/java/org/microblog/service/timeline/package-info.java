/**
 * Newest-first lists of posts (TimelineService): the home timeline's time windows (TimelineWindow, SiteActivity) and
 * its query plans (HomeTimelinePlan: a portable one and a Derby-only one), and the page of posts a list returns.
 *
 * <p>May use {@code domain.post}, {@code domain.user}, JPA, {@code service.block}'s predicates, {@code
 * service.follow} and {@code service.schema}'s CurrentDatabase.
 */
package org.microblog.service.timeline;
