package org.microblog.service.block;

/** A CDI event: {@code blockerId} blocked {@code blockedId} (fired in the transaction that made the block). */
public record BlockMade(long blockerId, long blockedId) {}
