package org.microblog.web.user;

import java.time.Instant;

/** One row of a followers or following list: the person, since when, and whether the viewer follows them. */
public record Connection(UserCard person, Instant since, boolean viewerFollows, boolean isViewer) {}
