/**
 * Blocking and removing a follower (BlockService), the "no block either way" condition for queries of posts
 * (BlockPredicates), and the event of a new block.
 *
 * <p>May use {@code domain.user}, JPA, {@code service.account} and {@code service.follow}'s follow links.
 */
package org.microblog.service.block;
