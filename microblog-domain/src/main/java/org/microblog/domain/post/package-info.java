/**
 * Posts: the Post entity, the PostBody constraint that checks a post's text wherever it arrives, and the
 * TimelineCursor, a position in a newest-first list of posts.
 *
 * <p>May use JPA, Bean Validation, {@code domain.text} and {@code domain.user}; nothing here knows a page or a
 * service exists.
 */
package org.microblog.domain.post;
