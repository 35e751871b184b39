/**
 * A list of posts as pages show it (WEB-INF/includes/posts.xhtml): rows with every text and address made in Java.
 *
 * <p>May use {@code domain.post}, {@code service.timeline}'s PostPage, {@code avatar} and {@code format}; nothing
 * here touches an EntityManager.
 */
package org.microblog.web.post;
