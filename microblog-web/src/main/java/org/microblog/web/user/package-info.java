/**
 * The user pages, {@code /user/{name}} with its followers and following lists (user.xhtml): the profile's head, the
 * user's posts, the lists, and what a page shows of a user (UserCard).
 *
 * <p>May use the domain, the services and the web module's shared parts ({@code person}, {@code paging},
 * {@code avatar}, {@code session}, {@code faces.flash}); nothing here touches an EntityManager.
 */
package org.microblog.web.user;
