package org.microblog.service.timeline;

import java.util.List;

/**
 * One way to ask the database for the posts of a home timeline in one {@link TimelineWindow}: the post ids
 * only, newest first. Every plan joins the {@code followers} table (which holds every user's link to themself)
 * to the posts; which links count is said once, in {@link TimelineSources}.
 *
 * <ul>
 *   <li>{@link FollowedAuthorsJoin}: the join in portable JPA, run as the database plans it. Derby reads one
 *       range of {@code posts(author_id, created_at DESC, id DESC)} per followed user; PostgreSQL chooses by
 *       itself between that and a hash join.
 *   <li>{@link DerbyHashJoin}, Derby only: the newest posts of the whole site, kept when their author is in a
 *       hash table of the followed users, stopping when the page is full; Derby's optimizer never chooses it.
 * </ul>
 */
interface HomeTimelinePlan {

    /** Up to {@code count} ids of posts by the users {@code userId} follows (and their own) in the window. */
    List<Long> postIds(long userId, TimelineWindow window, int count);
}
