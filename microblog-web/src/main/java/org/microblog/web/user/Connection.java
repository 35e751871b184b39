package org.microblog.web.user;

import java.time.Instant;
import org.microblog.web.person.FollowOffer;

/**
 * One row of a followers or following list: the person, since when, which follow button the viewer gets, whether
 * the person is the viewer, and whether the viewer may remove them (a follower on the viewer's own list).
 */
public record Connection(
        UserCard person, Instant since, FollowOffer followOffer, boolean isViewer, boolean removable) {}
