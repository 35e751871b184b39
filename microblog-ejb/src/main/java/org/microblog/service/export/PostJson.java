package org.microblog.service.export;

import org.microblog.domain.post.TimelineCursor;

/** One post as the export job writes it: which post, where it is in the newest-first order, and its JSON. */
public record PostJson(long postId, TimelineCursor cursor, String json) {}
