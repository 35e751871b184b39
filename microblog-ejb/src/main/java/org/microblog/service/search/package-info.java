/**
 * Search: people whose username starts with a word of the query, and posts that hold every word of it
 * (SearchService), and the embedded database's word index that new posts join as they are published
 * (SearchIndex). PostgreSQL searches posts with its own full text engine, a {@code tsvector} column that it
 * computes itself, under a GIN index (db/vendor/postgresql/V21); Derby has none, so it gets a table of
 * (word, time, post, author) rows under one index (db/vendor/derby/V21), cut by {@code domain.post.SearchWords}.
 *
 * <p>May use {@code domain.post}, {@code domain.user}, the block predicates, {@code service.schema} (which database),
 * {@code service.timeline}'s page and cursor types, JPA and the JDK.
 */
package org.microblog.service.search;
