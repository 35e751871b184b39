/**
 * The page {@code /search?q=} (search.xhtml) and the search box of the menu: people whose username starts with a
 * word of the query, and the posts that hold all its words, newest first with "Older posts".
 *
 * <p>May use {@code service.search}, the web module's {@code paging}, {@code session}, {@code avatar}, {@code person}
 * (follow buttons) and {@code user.UserCard}; nothing here touches an EntityManager.
 */
package org.microblog.web.search;
