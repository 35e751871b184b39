/**
 * Publishing posts, and deleting one's own (PostService).
 *
 * <p>May use {@code domain.post}, {@code domain.user}, JPA and {@code service.account}.
 */
package org.microblog.service.post;
