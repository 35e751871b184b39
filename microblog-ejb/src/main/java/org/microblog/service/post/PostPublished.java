package org.microblog.service.post;

import java.time.Instant;

/**
 * A CDI event fired by {@link PostService#publish} inside the transaction that wrote the post, after it was flushed:
 * synchronous observers write in that transaction (the stored timelines' fan-out is queued so), and those of phase
 * {@code AFTER_SUCCESS} learn that it was committed.
 */
public record PostPublished(long postId, long authorId, Instant at) {}
