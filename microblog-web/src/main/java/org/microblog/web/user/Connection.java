package org.microblog.web.user;

import java.time.Instant;
import org.microblog.web.person.FollowOffer;

/** One row of a followers or following list: the person, since when, and which follow button the viewer gets. */
public record Connection(UserCard person, Instant since, FollowOffer followOffer, boolean isViewer) {}
