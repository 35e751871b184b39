/**
 * Publishing posts, and deleting one's own (PostService).
 *
 * <p>May use {@code domain.post}, {@code domain.user}, JPA, {@code service.account} and {@code service.search}'s index.
 */
package org.microblog.service.post;
