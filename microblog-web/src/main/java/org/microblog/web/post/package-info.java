/**
 * A list of posts as pages show it (WEB-INF/includes/posts.xhtml, a row each with the tag mb:post): rows with every
 * text and address made in Java; and {@code /delete-post}, which asks before it deletes one of the reader's posts.
 *
 * <p>May use {@code domain.post}, {@code service.timeline}'s PostPage, {@code service.post}, {@code avatar},
 * {@code format}, {@code session} and {@code faces.flash}; nothing here touches an EntityManager.
 */
package org.microblog.web.post;
