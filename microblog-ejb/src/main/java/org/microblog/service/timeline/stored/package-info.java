/**
 * Stored home timelines for readers who follow many (issue 25): the entries a reader's home timeline is read from
 * ({@link org.microblog.service.timeline.stored.StoredTimelineReader}), what publishing and following write at once
 * ({@link org.microblog.service.timeline.stored.StoredTimelineWriter}), the fan-out of a post to its author's
 * followers ({@link org.microblog.service.timeline.stored.FanOutService}), building and trimming a reader's entries
 * ({@link org.microblog.service.timeline.stored.TimelineBuildService}), and the worker that runs the last two on every
 * instance ({@link org.microblog.service.timeline.stored.StoredTimelineWorker}).
 *
 * <p>May use {@code domain.post}, JPA, {@code service.follow}'s events and {@code service.schema}; the pull it falls
 * back on is {@code service.timeline}'s.
 */
package org.microblog.service.timeline.stored;
