package org.microblog.service.block;

import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.microblog.domain.user.Block;
import org.microblog.domain.user.Block_;

/**
 * The condition "no block between this author and the viewer, either way round", for queries of posts.
 *
 * <p>It is two {@code NOT EXISTS} subqueries, each naming both users of a {@code blocks} row, so that each is
 * one probe of the table's primary key per post read, whatever the number of blocks, and nothing is loaded
 * into memory first. (One subquery with an OR of the two directions would not start an index range.)
 */
public final class BlockPredicates {

    private BlockPredicates() {}

    /** Neither the post's author blocked {@code viewerId} nor {@code viewerId} the author. */
    public static Predicate neitherBlocks(
            CriteriaBuilder cb, AbstractQuery<?> query, Expression<Long> authorId, long viewerId) {
        return cb.and(
                cb.not(cb.exists(block(cb, query, cb.literal(viewerId), authorId))),
                cb.not(cb.exists(block(cb, query, authorId, cb.literal(viewerId)))));
    }

    private static Subquery<Long> block(
            CriteriaBuilder cb, AbstractQuery<?> query, Expression<Long> blockerId, Expression<Long> blockedId) {
        Subquery<Long> subquery = query.subquery(Long.class);
        Root<Block> block = subquery.from(Block.class);
        return subquery.select(block.get(Block_.blockerId))
                .where(
                        cb.equal(block.get(Block_.blockerId), blockerId),
                        cb.equal(block.get(Block_.blockedId), blockedId));
    }
}
