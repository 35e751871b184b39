/**
 * The page {@code /blocked} (blocked.xhtml): the people the signed-in user blocked, each with Unblock.
 *
 * <p>May use the domain, the services and the web module's shared parts ({@code person}, {@code user},
 * {@code paging}, {@code avatar}, {@code session}); nothing here touches an EntityManager.
 */
package org.microblog.web.blocked;
